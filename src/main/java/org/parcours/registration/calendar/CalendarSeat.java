package org.parcours.registration.calendar;

import java.util.Locale;

/** The seat a calendar entry is written for: it decides which join links it carries. */
public enum CalendarSeat {
    /** One of the capped seats in the video conference: conference URL and stream URL. */
    CONFERENCE,
    /** Watches the livestream: the stream URL only, never the conference URL. */
    STREAM;

    /** {@code "CONFERENCE"} / {@code "stream"} → the seat; anything else is a stream seat. */
    public static CalendarSeat of(String name) {
        return "CONFERENCE".equals(name.strip().toUpperCase(Locale.ROOT)) ? CONFERENCE : STREAM;
    }
}

package org.parcours.registration.calendar;

import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.Session;

/**
 * One event to write into a calendar.
 *
 * @param uid stable identifier of the event, see {@link CalendarUrls#uid(long)}
 * @param sequence revision of the event; calendar programs keep the highest
 * @param conferenceUrl written only for a conference seat
 * @param streamUrl the livestream, for everyone
 * @param attendee the person invited (invitations only; feeds name nobody)
 * @param cancelled whether the event is written as cancelled
 */
record CalendarEntry(
        String uid,
        int sequence,
        Session session,
        Cycle cycle,
        @Nullable String conferenceUrl,
        @Nullable String streamUrl,
        @Nullable Invitee attendee,
        boolean cancelled) {

    record Invitee(String email, String name) {}

    /** The links a seat gets: the conference URL for a conference seat only, the stream URL for everyone. */
    static CalendarEntry of(
            String uid,
            int sequence,
            Session session,
            Cycle cycle,
            CalendarSeat seat,
            @Nullable Invitee attendee,
            boolean cancelled) {
        return new CalendarEntry(
                uid,
                sequence,
                session,
                cycle,
                seat == CalendarSeat.CONFERENCE ? blankToNull(session.conferenceUrl()) : null,
                blankToNull(session.livestreamUrl()),
                attendee,
                cancelled);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

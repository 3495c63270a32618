package org.parcours.registration.calendar;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a reminder or change notice says about one session for one registrant (the model of {@code
 * mail/reminder.jte}, {@code mail/session-changed.jte} and {@code mail/session-cancelled.jte}).
 *
 * @param pageUrl the session page, absolute
 * @param conferenceUrl only for a conference seat
 * @param streamUrl for everyone
 * @param waitlisted on the waitlist for a conference seat (and watching the stream meanwhile)
 * @param cancelUrl the one-click link that cancels this registration, when the registration feature offers one
 * @param previousStart when the session was planned before it moved (change notices only)
 */
public record SessionNotice(
        String cycleTitle,
        String sessionTitle,
        ZonedDateTime start,
        int durationMinutes,
        String pageUrl,
        @Nullable String conferenceUrl,
        @Nullable String streamUrl,
        boolean waitlisted,
        @Nullable String cancelUrl,
        @Nullable ZonedDateTime previousStart) {

    /** "heure d’été d’Europe centrale" / "Central European Summer Time". */
    public String zoneName(Locale locale) {
        return DateTimeFormatter.ofPattern("zzzz", locale).format(start);
    }

    public boolean hasLinks() {
        return conferenceUrl != null || streamUrl != null;
    }
}

package org.parcours.registration;

import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One session as a registration e-mail shows it. Paths are relative to the site; the mail template makes them
 * absolute.
 *
 * @param conferenceUrl only for seated people
 * @param cancelPath the one-click cancel link, absent once cancelled
 */
public record SeatLine(
        String title,
        ZonedDateTime start,
        int durationMinutes,
        SeatState state,
        int waitlistPosition,
        @Nullable String conferenceUrl,
        @Nullable String livestreamUrl,
        String sessionPath,
        @Nullable String cancelPath) {}

package org.parcours.registration;

import java.time.Duration;
import java.time.Instant;
import org.parcours.cycle.Session;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code parcours.registration.*}.
 *
 * @param freezeBefore how long before a session starts its conference seats freeze: from then on nobody is given a
 *     seat or promoted ({@code PARCOURS_SEATS_FREEZE}, default one hour)
 * @param joinOpensBefore how long before the start "My space" shows the join links
 */
@ConfigurationProperties("parcours.registration")
public record RegistrationSettings(
        @DefaultValue("PT1H") Duration freezeBefore,
        @DefaultValue("PT15M") Duration joinOpensBefore) {

    public RegistrationSettings {
        if (freezeBefore.isNegative() || joinOpensBefore.isNegative()) {
            throw new IllegalArgumentException("parcours.registration durations must not be negative");
        }
    }

    /** Whether the conference seats of {@code session} are frozen at {@code now}. */
    public boolean frozen(Session session, Instant now) {
        return !now.isBefore(session.startsAt().toInstant().minus(freezeBefore));
    }

    /** Whether the join links of {@code session} are shown at {@code now} (until the session ends). */
    public boolean joinOpen(Session session, Instant now) {
        Instant start = session.startsAt().toInstant();
        return !now.isBefore(start.minus(joinOpensBefore))
                && now.isBefore(start.plus(Duration.ofMinutes(session.durationMinutes())));
    }
}

package org.parcours.live;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Session;

/**
 * Settings and state of one session's live room. {@code currentSegment} is the index of the agenda segment the
 * organiser marked as current (null before the first one), {@code lastSeq} the number of the room's last event.
 */
public record LiveRoom(
        long sessionId,
        Opening opening,
        int opensMinutesBefore,
        int closesMinutesAfter,
        boolean guestsAllowed,
        boolean premoderation,
        int chatSlowSeconds,
        @Nullable Integer currentSegment,
        @Nullable OffsetDateTime segmentStartedAt,
        long lastSeq) {

    /** How the room opens: by the clock around the session, or forced open or closed by an organiser. */
    public enum Opening {
        AUTO,
        OPEN,
        CLOSED
    }

    public Instant opensAt(Session session) {
        return session.startsAt().toInstant().minus(Duration.ofMinutes(opensMinutesBefore));
    }

    public Instant closesAt(Session session) {
        return session.end().toInstant().plus(Duration.ofMinutes(closesMinutesAfter));
    }

    /** Whether participants may post now. */
    public boolean isOpen(Session session, Instant now) {
        return switch (opening) {
            case OPEN -> true;
            case CLOSED -> false;
            case AUTO -> !now.isBefore(opensAt(session)) && now.isBefore(closesAt(session));
        };
    }
}

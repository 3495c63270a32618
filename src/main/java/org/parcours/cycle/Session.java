package org.parcours.cycle;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One live session of a cycle. The start is stored as an instant and shown in {@code timeZone}, the organiser's
 * zone. Agenda segments and key points belong to the session aggregate and keep their order.
 */
@Table("cycle_session")
public record Session(
        @Id @Nullable Long id,
        Long cycleId,
        int position,
        String slug,
        String title,
        OffsetDateTime startsAt,
        String timeZone,
        int durationMinutes,
        String summary,
        String description,
        @Nullable String livestreamUrl,
        @Nullable String conferenceUrl,
        int seatCap,
        OffsetDateTime updatedAt,

        @MappedCollection(idColumn = "session_id", keyColumn = "position")
        List<AgendaSegment> agenda,

        @MappedCollection(idColumn = "session_id", keyColumn = "position")
        List<KeyPoint> keyPoints) {

    public static final int DEFAULT_SEAT_CAP = 100;

    public Session {
        agenda = List.copyOf(agenda);
        keyPoints = List.copyOf(keyPoints);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public ZonedDateTime start() {
        return startsAt.atZoneSameInstant(zone());
    }

    public ZonedDateTime end() {
        return start().plusMinutes(durationMinutes);
    }

    /** Where the session stands at {@code now}: upcoming until it starts, live while it runs, then past. */
    public SessionStatus statusAt(Instant now) {
        Instant start = startsAt.toInstant();
        if (now.isBefore(start)) {
            return SessionStatus.UPCOMING;
        }
        return now.isBefore(start.plus(Duration.ofMinutes(durationMinutes))) ? SessionStatus.LIVE : SessionStatus.PAST;
    }
}

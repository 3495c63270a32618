package org.parcours.live;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Join and leave times of participants in a room, for attendance (attestations read {@link #attendees}).
 *
 * <p>A row of {@code live_presence} is one stay of a person, not one connection: a second tab, or a stream that
 * reconnects (every 30 minutes, or after a network blip) within {@code presence-grace} of the last one ending,
 * continues the stay. The departure is written once the grace has passed without a return, with the time the last
 * connection really ended ({@link #recordDepartures}, run every few seconds). Each node keeps the stays of its own
 * streams; a person connected to two nodes at once has two overlapping rows, which {@link #attendees} merges.
 * Visitors who have not joined are counted live but not recorded.
 */
@Service
public class LivePresence {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration grace;
    private final Map<Key, Stay> stays = new ConcurrentHashMap<>();

    @Autowired
    LivePresence(JdbcClient jdbc, Clock clock, LiveSettings settings) {
        this(jdbc, clock, settings.presenceGrace());
    }

    LivePresence(JdbcClient jdbc, Clock clock, Duration grace) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.grace = grace;
    }

    private record Key(long sessionId, long participantId) {}

    /** One participant's stay on this node: its row, and how many of their streams are open. */
    public static final class Stay {
        private final Key key;
        private long rowId;
        private int connections;
        private @Nullable Instant lastLeft;
        private boolean ended;

        private Stay(Key key) {
            this.key = key;
        }
    }

    /**
     * A participant's stream has connected: starts their stay, or continues it when they are already here (another
     * tab) or left less than the grace period ago. Returns what to give {@link #left} when this stream ends.
     */
    public Stay joined(long sessionId, long participantId, @Nullable SeatKind seat) {
        Key key = new Key(sessionId, participantId);
        while (true) {
            Stay stay = stays.computeIfAbsent(key, Stay::new);
            synchronized (stay) {
                if (stay.ended) {
                    // recorded as departed meanwhile: a new stay begins
                    continue;
                }
                if (stay.rowId == 0) {
                    stay.rowId = insert(key, seat);
                }
                stay.connections++;
                stay.lastLeft = null;
                return stay;
            }
        }
    }

    /** One of the participant's streams has ended; the departure is recorded after the grace period. */
    public void left(Stay stay) {
        synchronized (stay) {
            if (stay.connections > 0 && --stay.connections == 0) {
                stay.lastLeft = clock.instant();
            }
        }
    }

    /** Writes the departure of everyone whose last stream ended more than the grace period ago; returns how many. */
    public int recordDepartures() {
        return endStays(clock.instant().minus(grace));
    }

    /** The node stops: everyone still here leaves now (their browsers come back through another node or later). */
    @PreDestroy
    void recordAllDepartures() {
        Instant now = clock.instant();
        for (Stay stay : stays.values()) {
            synchronized (stay) {
                if (stay.connections > 0) {
                    stay.connections = 0;
                    stay.lastLeft = now;
                }
            }
        }
        endStays(now);
    }

    private int endStays(Instant leftBy) {
        int ended = 0;
        for (Stay stay : stays.values()) {
            Instant leftAt;
            synchronized (stay) {
                if (stay.ended || stay.connections > 0 || stay.lastLeft == null || stay.lastLeft.isAfter(leftBy)) {
                    continue;
                }
                stay.ended = true;
                leftAt = stay.lastLeft;
                stays.remove(stay.key, stay);
            }
            jdbc.sql("update live_presence set left_at = :left where id = :id and left_at is null")
                    .param("left", leftAt.atOffset(ZoneOffset.UTC))
                    .param("id", stay.rowId)
                    .update();
            ended++;
        }
        return ended;
    }

    private long insert(Key key, @Nullable SeatKind seat) {
        var id = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into live_presence (session_id, participant_id, seat, joined_at)
                        values (:s, :p, :seat, :now)""")
                .param("s", key.sessionId())
                .param("p", key.participantId())
                .param("seat", seat == null ? "NONE" : seat.name())
                .param("now", OffsetDateTime.now(clock))
                .update(id, "id");
        return id.getKeyAs(Number.class).longValue();
    }

    /** Every stay in a room, with the person behind it when known, in arrival order. */
    public List<Attendance> attendance(long sessionId) {
        return jdbc.sql("""
                        select p.id as participant_id, p.person_id, pr.seat, pr.joined_at, pr.left_at
                        from live_presence pr join live_participant p on p.id = pr.participant_id
                        where pr.session_id = :s order by pr.joined_at, pr.id""").param("s", sessionId).query(Attendance.class).list();
    }

    /**
     * Each participant of a room once, with their first arrival, their last departure (null while they are still
     * here) and the time they were present: the union of their stays, so overlapping stays (two nodes) count once.
     */
    public List<Attendee> attendees(long sessionId) {
        Instant now = clock.instant();
        Map<Long, List<Attendance>> byParticipant = new LinkedHashMap<>();
        for (Attendance stay : attendance(sessionId)) {
            byParticipant
                    .computeIfAbsent(stay.participantId(), id -> new ArrayList<>())
                    .add(stay);
        }
        List<Attendee> attendees = new ArrayList<>();
        byParticipant.forEach((participantId, list) -> {
            list.sort(Comparator.comparing(Attendance::joinedAt));
            Duration present = Duration.ZERO;
            Instant coveredUntil = Instant.MIN;
            boolean stillHere = false;
            Instant lastLeft = Instant.MIN;
            for (Attendance stay : list) {
                Instant from = stay.joinedAt().toInstant();
                Instant to = stay.leftAt() == null ? now : stay.leftAt().toInstant();
                stillHere |= stay.leftAt() == null;
                if (stay.leftAt() != null && to.isAfter(lastLeft)) {
                    lastLeft = to;
                }
                Instant start = from.isAfter(coveredUntil) ? from : coveredUntil;
                if (to.isAfter(start)) {
                    present = present.plus(Duration.between(start, to));
                    coveredUntil = to;
                }
            }
            Attendance first = list.getFirst();
            attendees.add(new Attendee(
                    participantId,
                    first.personId(),
                    list.stream().anyMatch(s -> SeatKind.CONFERENCE.name().equals(s.seat()))
                            ? SeatKind.CONFERENCE.name()
                            : first.seat(),
                    first.joinedAt(),
                    stillHere ? null : lastLeft.atOffset(ZoneOffset.UTC),
                    present));
        });
        return attendees;
    }

    /** One stay in the room; {@code leftAt} is null while connected (or if the node stopped abruptly). */
    public record Attendance(
            long participantId,
            @Nullable Long personId,
            String seat,
            OffsetDateTime joinedAt,
            @Nullable OffsetDateTime leftAt) {}

    /**
     * A participant's whole presence in a room: {@code seat} is CONFERENCE, STREAM or NONE (no registration known),
     * {@code leftAt} null while they are here, {@code present} the time spent in the room.
     */
    public record Attendee(
            long participantId,
            @Nullable Long personId,
            String seat,
            OffsetDateTime firstJoinedAt,
            @Nullable OffsetDateTime leftAt,
            Duration present) {}
}

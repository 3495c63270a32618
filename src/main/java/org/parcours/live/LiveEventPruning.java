package org.parcours.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes the replay log ({@code live_event}) of rooms that have been closed for more than
 * {@code parcours.live.prune-after}: the log only serves streams that reconnect and nodes that fill gaps, so once a
 * room is closed for good it is dead weight that grows with every session. What the room kept (questions, votes,
 * polls, takeaways, attendance) is in its own tables and stays; so does {@code live_room.last_seq}, so event
 * numbers never repeat (a browser still open on the room gets a reset and reloads).
 *
 * <p>A room counts as closed when it opens by the clock and its closing time has passed, or when an organiser
 * forced it closed (since its last settings change). A room forced open is never pruned. Several nodes may run this
 * at once: the delete is idempotent.
 */
@Component
class LiveEventPruning {

    /** Rooms per delete statement (bounded IN list). */
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final CycleService cycles;
    private final Clock clock;
    private final Duration pruneAfter;

    @Autowired
    LiveEventPruning(JdbcClient jdbc, CycleService cycles, Clock clock, LiveSettings settings) {
        this(jdbc, cycles, clock, settings.pruneAfter());
    }

    LiveEventPruning(JdbcClient jdbc, CycleService cycles, Clock clock, Duration pruneAfter) {
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.clock = clock;
        this.pruneAfter = pruneAfter;
    }

    /** A room that still has a replay log. */
    private record Candidate(
            long sessionId, LiveRoom.Opening opening, int closesMinutesAfter, OffsetDateTime updatedAt) {}

    /** Prunes the logs of rooms closed before now minus {@code prune-after}; returns how many events went. */
    int prune() {
        Instant closedBefore = clock.instant().minus(pruneAfter);
        List<Long> rooms = new ArrayList<>();
        for (Candidate room : jdbc.sql("""
                        select r.session_id, r.opening, r.closes_minutes_after, r.updated_at from live_room r
                        where r.opening <> 'OPEN'
                          and exists (select 1 from live_event e where e.session_id = r.session_id)""").query(Candidate.class).list()) {
            if (closedSince(room).isBefore(closedBefore)) {
                rooms.add(room.sessionId());
            }
        }
        int deleted = 0;
        for (int i = 0; i < rooms.size(); i += BATCH) {
            deleted += jdbc.sql("delete from live_event where session_id in (:rooms)")
                    .param("rooms", rooms.subList(i, Math.min(rooms.size(), i + BATCH)))
                    .update();
        }
        return deleted;
    }

    /** When the room closed (a future instant when it has not yet). */
    private Instant closedSince(Candidate room) {
        if (room.opening() == LiveRoom.Opening.CLOSED) {
            return room.updatedAt().toInstant();
        }
        return cycles.session(room.sessionId())
                .map(Session::end)
                .map(end -> end.toInstant().plus(Duration.ofMinutes(room.closesMinutesAfter())))
                .orElse(Instant.MAX);
    }
}

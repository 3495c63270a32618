package org.parcours.cycle;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The row-level SQL {@link CycleEditor} needs around a cycle's path, without loading and rewriting whole session
 * aggregates: locking a cycle, renumbering its sessions, marking it as changed. Callers run these inside their
 * own transaction.
 */
@Component
class CyclePaths {

    private final JdbcClient jdbc;

    CyclePaths(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the cycle row until the transaction ends, so that two organisers changing the same path (move, add,
     * delete) take turns instead of interleaving their renumbering. False if there is no such cycle.
     */
    boolean lock(long cycleId) {
        return jdbc.sql("select id from cycle where id = :id for update")
                .param("id", cycleId)
                .query(Long.class)
                .optional()
                .isPresent();
    }

    /** Positions 1..n in the given order; sessions whose position changes, and the cycle, are marked as changed. */
    void renumber(long cycleId, List<Session> path, OffsetDateTime now) {
        for (int i = 0; i < path.size(); i++) {
            Session session = path.get(i);
            if (session.position() != i + 1) {
                jdbc.sql("update cycle_session set position = :position, updated_at = :now where id = :id")
                        .param("position", i + 1)
                        .param("now", now)
                        .param("id", session.id())
                        .update();
            }
        }
        touch(cycleId, now);
    }

    /** Marks a cycle as changed (public pages use {@code updated_at} for caching). */
    void touch(long cycleId, OffsetDateTime now) {
        jdbc.sql("update cycle set updated_at = :now where id = :id")
                .param("now", now)
                .param("id", cycleId)
                .update();
    }

    /** How many sessions each cycle has, by cycle id; cycles without sessions are absent. */
    Map<Long, Integer> sessionCounts() {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("select cycle_id, count(*) as n from cycle_session group by cycle_id")
                .query((RowCallbackHandler) rs -> counts.put(rs.getLong("cycle_id"), rs.getInt("n")));
        return counts;
    }
}

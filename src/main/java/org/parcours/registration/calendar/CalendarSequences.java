package org.parcours.registration.calendar;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The iCalendar SEQUENCE of each session ({@code calendar_sequence}; no row means 0). */
@Component
class CalendarSequences {

    private final JdbcClient jdbc;
    private final Clock clock;

    CalendarSequences(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    int current(long sessionId) {
        return jdbc.sql("select sequence from calendar_sequence where session_id = :id")
                .param("id", sessionId)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    Map<Long, Integer> current(Collection<Long> sessionIds) {
        Map<Long, Integer> sequences = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return sequences;
        }
        jdbc.sql("select session_id, sequence from calendar_sequence where session_id in (:ids)")
                .param("ids", sessionIds)
                .query((rs, row) -> Map.entry(rs.getLong("session_id"), rs.getInt("sequence")))
                .list()
                .forEach(e -> sequences.put(e.getKey(), e.getValue()));
        return sequences;
    }

    /**
     * Raises the session's sequence by one and returns the new value, in the caller's transaction. Two concurrent
     * calls get two different values: the UPDATE takes the row lock, and the INSERT of a first row cannot be
     * doubled (primary key, {@code on conflict do nothing}, then the UPDATE again).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int next(long sessionId) {
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated =
                    jdbc.sql("""
                            update calendar_sequence set sequence = sequence + 1, updated_at = :now
                            where session_id = :id""").param("id", sessionId).param("now", now()).update();
            if (updated == 0) {
                updated =
                        jdbc.sql("""
                                insert into calendar_sequence (session_id, sequence, updated_at)
                                values (:id, 1, :now) on conflict do nothing""").param("id", sessionId).param("now", now()).update();
            }
            if (updated == 1) {
                return current(sessionId);
            }
        }
        throw new IllegalStateException("could not raise the calendar sequence of session " + sessionId);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}

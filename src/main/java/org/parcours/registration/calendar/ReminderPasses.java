package org.parcours.registration.calendar;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** When each session's reminder for an offset (and sequence) was last done for all its registrations. */
@Component
class ReminderPasses {

    private final JdbcClient jdbc;

    ReminderPasses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OffsetDateTime> doneAt(long sessionId, Duration offset, int sequence) {
        return jdbc.sql("""
                        select done_at from reminder_pass
                        where session_id = :session and offset_seconds = :offset and sequence = :sequence""")
                .param("session", sessionId)
                .param("offset", offset.toSeconds())
                .param("sequence", sequence)
                .query(OffsetDateTime.class)
                .optional();
    }

    void done(long sessionId, Duration offset, int sequence, OffsetDateTime at) {
        OffsetDateTime utc = at.withOffsetSameInstant(ZoneOffset.UTC);
        int updated = jdbc.sql("""
                        update reminder_pass set done_at = :at
                        where session_id = :session and offset_seconds = :offset and sequence = :sequence""")
                .param("at", utc)
                .param("session", sessionId)
                .param("offset", offset.toSeconds())
                .param("sequence", sequence)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into reminder_pass (session_id, offset_seconds, sequence, done_at)
                            values (:session, :offset, :sequence, :at) on conflict do nothing""")
                    .param("at", utc)
                    .param("session", sessionId)
                    .param("offset", offset.toSeconds())
                    .param("sequence", sequence)
                    .update();
        }
    }
}

package org.parcours.registration.calendar;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read model of the registrations calendars and reminders need: active registrations with their seat. Read only;
 * the registration service owns and writes the table.
 */
@Component
class CalendarRegistrations {

    /** One active registration of one person for one session. */
    record Active(
            long id, long sessionId, long personId, CalendarSeat seat, boolean waitlisted, OffsetDateTime createdAt) {}

    private static final String SELECT = """
            select id, session_id, person_id, seat, waitlisted, created_at from registration
            where status = 'ACTIVE'""";

    private final JdbcClient jdbc;

    CalendarRegistrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Active> forSessions(Collection<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " and session_id in (:ids) order by session_id, id")
                .param("ids", sessionIds)
                .query(CalendarRegistrations::active)
                .list();
    }

    List<Active> forSession(long sessionId) {
        return forSessions(List.of(sessionId));
    }

    /** The session's active registrations created at {@code since} or later. */
    List<Active> forSession(long sessionId, java.time.Instant since) {
        return jdbc.sql(SELECT + " and session_id = :session and created_at >= :since order by id")
                .param("session", sessionId)
                .param("since", since.atOffset(java.time.ZoneOffset.UTC))
                .query(CalendarRegistrations::active)
                .list();
    }

    List<Active> forPerson(long personId) {
        return jdbc.sql(SELECT + " and person_id = :person order by session_id")
                .param("person", personId)
                .query(CalendarRegistrations::active)
                .list();
    }

    private static Active active(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Active(
                rs.getLong("id"),
                rs.getLong("session_id"),
                rs.getLong("person_id"),
                CalendarSeat.of(rs.getString("seat")),
                rs.getBoolean("waitlisted"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}

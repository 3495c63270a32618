package org.parcours.registration.calendar;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.parcours.account.Participants;
import org.parcours.account.Person;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Registrations written straight into the table, as the registration service would leave them: these tests are about
 * what is read from it (calendars, reminders, notices), not about how seats are given.
 */
@TestComponent
public class RegistrationRows {

    private final JdbcClient jdbc;
    private final Participants participants;

    RegistrationRows(JdbcClient jdbc, Participants participants) {
        this.jdbc = jdbc;
        this.participants = participants;
    }

    public Person person(String name, Locale locale) {
        String email = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@calendar.test";
        return participants.findOrCreate(name, email, locale);
    }

    public long register(long sessionId, Person person, String seat, boolean waitlisted, OffsetDateTime createdAt) {
        return insert(sessionId, person, seat, waitlisted, "ACTIVE", createdAt);
    }

    public long cancelled(long sessionId, Person person, OffsetDateTime createdAt) {
        return insert(sessionId, person, "STREAM", false, "CANCELLED", createdAt);
    }

    private long insert(
            long sessionId, Person person, String seat, boolean waitlisted, String status, OffsetDateTime createdAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        OffsetDateTime at = createdAt.withOffsetSameInstant(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into registration (session_id, person_id, seat, waitlisted, waitlisted_at, status,
                            created_at, updated_at, cancelled_at)
                        values (:session, :person, :seat, :waitlisted, :waitlistedAt, :status, :at, :at, :cancelledAt)""")
                .param("session", sessionId)
                .param("person", person.id())
                .param("seat", seat)
                .param("waitlisted", waitlisted)
                .param("waitlistedAt", waitlisted ? at : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("status", status)
                .param("at", at)
                .param("cancelledAt", "CANCELLED".equals(status) ? at : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .update(key, "id");
        return Objects.requireNonNull(key.getKey()).longValue();
    }
}

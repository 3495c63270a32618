package org.parcours.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleEditor;
import org.parcours.cycle.CycleStatus;
import org.parcours.cycle.EditFields.CycleFields;
import org.parcours.cycle.EditFields.SessionFields;
import org.parcours.cycle.Session;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cycles and sessions made the way organisers make them (through {@link CycleEditor}), with unique slugs so tests
 * can share a database, and readers of what registration stored and mailed. Import with {@code @Import}.
 */
@TestComponent
public class RegistrationFixtures {

    private final CycleEditor editor;
    private final RegistrationService registrations;
    private final JdbcClient jdbc;
    private final Clock clock;

    RegistrationFixtures(CycleEditor editor, RegistrationService registrations, JdbcClient jdbc, Clock clock) {
        this.editor = editor;
        this.registrations = registrations;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Cycle publishedCycle() {
        Cycle cycle = editor.createCycle(new CycleFields(unique("reg"), "Coopérer", "", "", "fr", "Europe/Paris"));
        return editor.setStatus(cycle.id(), CycleStatus.PUBLISHED).orElseThrow();
    }

    public Cycle draftCycle() {
        return editor.createCycle(new CycleFields(unique("draft"), "Brouillon", "", "", "fr", "Europe/Paris"));
    }

    /** A one-hour session starting {@code fromNow} after the clock's now, with {@code cap} conference seats. */
    public Session session(Cycle cycle, Duration fromNow, int cap) {
        OffsetDateTime start = OffsetDateTime.now(clock)
                .withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES)
                .plus(fromNow);
        String slug = unique("s");
        return editor.createSession(
                        cycle.id(),
                        new SessionFields(
                                slug,
                                "Séance " + slug,
                                start,
                                "Europe/Paris",
                                60,
                                "",
                                "",
                                "https://stream.example/" + slug,
                                "https://conference.example/secret-" + slug,
                                cap))
                .orElseThrow();
    }

    public static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    public RegistrationService.Outcome register(Cycle cycle, String email, boolean conference, Session... sessions) {
        return registrations.register(new RegistrationService.Request(
                cycle.id(),
                new RegistrationService.Registrant("Ana " + email, email, Locale.FRENCH),
                sessions.length == 0,
                sessions.length == 0
                        ? Set.of()
                        : java.util.Arrays.stream(sessions)
                                .map(Session::id)
                                .collect(java.util.stream.Collectors.toSet()),
                conference));
    }

    /** A stored e-mail, as the Outbox keeps it. */
    public record StoredMail(
            long id,
            String category,
            String idempotencyKey,
            String recipientAddress,
            String subject,
            String htmlBody,
            String textBody) {}

    public List<StoredMail> mailsTo(String address) {
        return jdbc.sql("""
                        select id, category, idempotency_key, recipient_address, subject, html_body, text_body
                        from mail_message where recipient_address = :address order by id""")
                .param("address", address.toLowerCase(Locale.ROOT))
                .query(StoredMail.class)
                .list();
    }

    public List<StoredMail> mailsTo(String address, String category) {
        return mailsTo(address).stream()
                .filter(m -> m.category().equals(category))
                .toList();
    }

    public List<Registration> registrations(long sessionId) {
        return jdbc.sql("select * from registration where session_id = :session order by id")
                .param("session", sessionId)
                .query((rs, n) -> new Registration(
                        rs.getLong("id"),
                        rs.getLong("session_id"),
                        rs.getLong("person_id"),
                        Seat.valueOf(rs.getString("seat")),
                        rs.getBoolean("waitlisted"),
                        rs.getObject("waitlisted_at", OffsetDateTime.class),
                        RegistrationStatus.valueOf(rs.getString("status")),
                        null,
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("updated_at", OffsetDateTime.class),
                        rs.getObject("cancelled_at", OffsetDateTime.class),
                        rs.getInt("activation"),
                        rs.getInt("revision")))
                .list();
    }

    public int seatsTaken(long sessionId) {
        return jdbc.sql("select seats_taken from seat_counter where session_id = :session")
                .param("session", sessionId)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** Mails of a category to the people registered for a session. */
    public int mailCount(String category, long sessionId) {
        return jdbc.sql("""
                        select count(*) from mail_message m
                        where m.category = :category and m.recipient_address in (
                            select p.email from person p join registration r on r.person_id = p.id
                            where r.session_id = :session)""")
                .param("category", category)
                .param("session", sessionId)
                .query(Integer.class)
                .single();
    }
}

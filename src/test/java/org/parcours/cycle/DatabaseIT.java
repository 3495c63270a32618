package org.parcours.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data layer on whichever database the build points at: H2 by default, PostgreSQL when {@code .ci/run} sets
 * {@code SPRING_PROFILES_ACTIVE=postgres} and {@code PARCOURS_DB_URL}. The first test makes sure a "PostgreSQL
 * run" really ran on PostgreSQL. Data is created with unique slugs and removed again; the database may hold
 * other tests' rows and the demo content.
 */
@SpringBootTest
class DatabaseIT {

    @Autowired
    DataSource dataSource;

    @Autowired
    Environment environment;

    @Autowired
    Flyway flyway;

    @Autowired
    CycleRepository cycles;

    @Autowired
    SessionRepository sessions;

    @Autowired
    JdbcClient jdbc;

    private final List<Long> created = new ArrayList<>();

    @AfterEach
    void removeCreatedCycles() {
        // Sessions, agenda segments and key points go with their cycle (on delete cascade).
        created.forEach(cycles::deleteById);
    }

    @Test
    void runsOnTheDatabaseTheEnvironmentAsksFor() throws SQLException {
        String url = System.getenv("PARCOURS_DB_URL");
        boolean postgresProfile = Arrays.asList(environment.getActiveProfiles()).contains("postgres");
        boolean postgresExpected = postgresProfile || (url != null && url.startsWith("jdbc:postgresql:"));
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            if (postgresExpected) {
                assertThat(metaData.getDatabaseProductName()).isEqualTo("PostgreSQL");
                assertThat(metaData.getURL()).startsWith("jdbc:postgresql:");
                if (url != null) {
                    assertThat(metaData.getURL()).isEqualTo(url);
                }
            } else {
                assertThat(metaData.getDatabaseProductName()).isEqualTo("H2");
            }
        }
    }

    @Test
    void flywayAppliedEveryMigration() {
        var info = flyway.info();
        assertThat(info.pending()).as("pending migrations").isEmpty();
        assertThat(info.applied()).as("applied migrations").isNotEmpty();
        assertThat(info.applied())
                .allSatisfy(migration -> assertThat(migration.getState().isFailed())
                        .as("migration %s failed", migration.getVersion())
                        .isFalse());
        assertThat(Arrays.stream(info.applied()).map(MigrationInfo::getVersion).map(Object::toString))
                .contains("1");
        // The foundation tables exist and are queryable with the SQL both databases share.
        assertThat(jdbc.sql("select count(*) from cycle_session where seat_cap < 0")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aCycleWithItsSessionsAgendaAndKeyPointsRoundTrips() {
        Cycle cycle = saveCycle(uniqueSlug());
        // Microseconds and a non-UTC offset: timestamptz keeps the instant, to the microsecond, on both databases.
        OffsetDateTime start = OffsetDateTime.of(2020, 4, 2, 18, 0, 0, 123_456_000, ZoneOffset.ofHours(2));
        Session second = sessions.save(session(cycle, 2, "deuxieme", start.plusWeeks(1)));
        Session first = sessions.save(session(cycle, 1, "premiere", start));

        List<Session> path = sessions.findByCycleIdOrderByPosition(cycle.id());
        assertThat(path).extracting(Session::slug).containsExactly("premiere", "deuxieme");
        assertThat(path).extracting(Session::id).containsExactly(first.id(), second.id());

        Session read = sessions.findByCycleIdAndSlug(cycle.id(), "premiere").orElseThrow();
        assertThat(read.startsAt().toInstant()).isEqualTo(Instant.parse("2020-04-02T16:00:00.123456Z"));
        assertThat(read.start().getHour()).as("shown in the organiser's zone").isEqualTo(18);
        assertThat(read.timeZone()).isEqualTo("Europe/Paris");
        assertThat(read.seatCap()).isEqualTo(Session.DEFAULT_SEAT_CAP);
        assertThat(read.livestreamUrl()).isNull();
        assertThat(read.conferenceUrl()).isEqualTo("https://visio.example.org/premiere");
        assertThat(read.agenda())
                .extracting(AgendaSegment::kind, AgendaSegment::title, AgendaSegment::plannedMinutes)
                .containsExactly(
                        tuple(SegmentKind.RECAP, "Rappel", 5),
                        tuple(SegmentKind.PRESENTATION, "Exposé", 30),
                        tuple(SegmentKind.EXCHANGES, "Échanges", 20),
                        tuple(SegmentKind.CLOSING, "Ce que je retiens", 5));
        assertThat(read.keyPoints())
                .extracting(KeyPoint::text)
                .containsExactly("Coopérer s’apprend", "Le cadre libère", "Dire ce que l’on retient");

        Cycle readCycle = cycles.findBySlug(cycle.slug()).orElseThrow();
        // PostgreSQL hands timestamptz back in UTC, H2 with the offset it was given: the instant is what counts.
        assertThat(readCycle)
                .usingRecursiveComparison()
                .withComparatorForType(Comparator.comparing(OffsetDateTime::toInstant), OffsetDateTime.class)
                .isEqualTo(cycle);
        assertThat(readCycle.createdAt().toInstant()).isEqualTo(Instant.parse("2026-03-01T09:30:15.654321Z"));

        // Editing the aggregate replaces its children in their new order.
        Session edited = sessions.save(new Session(
                read.id(),
                read.cycleId(),
                read.position(),
                read.slug(),
                "Première séance, revue",
                read.startsAt(),
                read.timeZone(),
                90,
                read.summary(),
                read.description(),
                "https://stream.example.org/premiere",
                read.conferenceUrl(),
                read.seatCap(),
                read.updatedAt(),
                List.of(AgendaSegment.of(SegmentKind.FREE, "Libre", 90)),
                List.of(KeyPoint.of("Le cadre libère"), KeyPoint.of("Coopérer s’apprend"))));
        Session reread = sessions.findById(edited.id()).orElseThrow();
        assertThat(reread.title()).isEqualTo("Première séance, revue");
        assertThat(reread.durationMinutes()).isEqualTo(90);
        assertThat(reread.livestreamUrl()).isEqualTo("https://stream.example.org/premiere");
        assertThat(reread.agenda()).extracting(AgendaSegment::title).containsExactly("Libre");
        assertThat(reread.keyPoints())
                .extracting(KeyPoint::text)
                .containsExactly("Le cadre libère", "Coopérer s’apprend");
        assertThat(jdbc.sql("select count(*) from key_point where session_id = :id")
                        .param("id", reread.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);
    }

    @Test
    void aSecondCycleWithTheSameSlugIsADuplicateKey() {
        String slug = uniqueSlug();
        saveCycle(slug);

        assertThatThrownBy(() -> cycles.save(cycle(slug))).isInstanceOf(DuplicateKeyException.class);
        assertThat(cycles.findBySlug(slug)).isPresent();
    }

    @Test
    void twoSessionsOfOneCycleCannotShareASlug() {
        Cycle cycle = saveCycle(uniqueSlug());
        OffsetDateTime start = OffsetDateTime.parse("2020-04-09T16:00:00Z");
        sessions.save(session(cycle, 1, "meme-slug", start));

        assertThatThrownBy(() -> sessions.save(session(cycle, 2, "meme-slug", start.plusWeeks(1))))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(sessions.findByCycleIdOrderByPosition(cycle.id())).hasSize(1);

        // The same session slug in another cycle is fine.
        Cycle other = saveCycle(uniqueSlug());
        assertThat(sessions.save(session(other, 1, "meme-slug", start)).id()).isNotNull();
    }

    private Cycle saveCycle(String slug) {
        Cycle cycle = cycles.save(cycle(slug));
        created.add(cycle.id());
        return cycle;
    }

    private static Cycle cycle(String slug) {
        OffsetDateTime at = OffsetDateTime.parse("2026-03-01T10:30:15.654321+01:00");
        return new Cycle(
                null,
                slug,
                "Cycle de test " + slug,
                "Résumé",
                "Une *description* en Markdown.",
                "fr",
                CycleStatus.DRAFT,
                "Europe/Paris",
                at,
                at);
    }

    private static Session session(Cycle cycle, int position, String slug, OffsetDateTime start) {
        return new Session(
                null,
                cycle.id(),
                position,
                slug,
                "Séance " + slug,
                start,
                "Europe/Paris",
                60,
                "Résumé de " + slug,
                "Description de " + slug,
                null,
                "https://visio.example.org/" + slug,
                Session.DEFAULT_SEAT_CAP,
                start,
                List.of(
                        AgendaSegment.of(SegmentKind.RECAP, "Rappel", 5),
                        AgendaSegment.of(SegmentKind.PRESENTATION, "Exposé", 30),
                        AgendaSegment.of(SegmentKind.EXCHANGES, "Échanges", 20),
                        AgendaSegment.of(SegmentKind.CLOSING, "Ce que je retiens", 5)),
                List.of(
                        KeyPoint.of("Coopérer s’apprend"),
                        KeyPoint.of("Le cadre libère"),
                        KeyPoint.of("Dire ce que l’on retient")));
    }

    private static String uniqueSlug() {
        return "db-test-" + UUID.randomUUID();
    }
}

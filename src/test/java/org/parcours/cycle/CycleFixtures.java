package org.parcours.cycle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestComponent;

/**
 * Test data for the cycle feature, written through its package-private repositories. Every slug is unique, so tests
 * can share one database (H2 or PostgreSQL in CI) and never depend on what else is in it. Import it into a test
 * with {@code @Import(CycleFixtures.class)}.
 */
@TestComponent
public class CycleFixtures {

    private final CycleRepository cycles;
    private final SessionRepository sessions;
    private final TrainingRepository trainings;
    private final Clock clock;

    CycleFixtures(CycleRepository cycles, SessionRepository sessions, TrainingRepository trainings, Clock clock) {
        this.cycles = cycles;
        this.sessions = sessions;
        this.trainings = trainings;
        this.clock = clock;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Cycle cycle(String title, CycleStatus status, String description) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return cycles.save(new Cycle(
                null,
                unique("cycle"),
                title,
                "Summary of " + title,
                description,
                "fr",
                status,
                "Europe/Paris",
                now,
                now));
    }

    public Cycle publishedCycle(String title) {
        return cycle(title, CycleStatus.PUBLISHED, "A path in *several* steps.");
    }

    /**
     * A session with a three-segment agenda (5 + 25 + 30 minutes) and two key points named after its title; the
     * conference URL ends in {@code secret-<slug>} so tests can check it never leaks.
     */
    public Session session(Cycle cycle, int position, String title, OffsetDateTime startsAt, int durationMinutes) {
        String slug = unique("session-" + position);
        return sessions.save(new Session(
                null,
                cycle.id(),
                position,
                slug,
                title,
                startsAt,
                "Europe/Paris",
                durationMinutes,
                "Summary of " + title,
                "Description of " + title,
                "https://stream.example/" + slug,
                "https://conference.example/secret-" + slug,
                Session.DEFAULT_SEAT_CAP,
                OffsetDateTime.now(clock),
                List.of(
                        AgendaSegment.of(SegmentKind.RECAP, "Recap of " + title, 5),
                        AgendaSegment.of(SegmentKind.PRESENTATION, "Talk of " + title, 25),
                        AgendaSegment.of(SegmentKind.EXCHANGES, "Questions on " + title, 30)),
                List.of(KeyPoint.of("First point of " + title), KeyPoint.of("Second point of " + title))));
    }

    /** A session starting {@code minutesFromNow} minutes from the real clock (negative: already started). */
    public Session sessionFromNow(Cycle cycle, int position, String title, long minutesFromNow) {
        OffsetDateTime start = OffsetDateTime.now(clock)
                .withOffsetSameInstant(ZoneOffset.UTC)
                .withSecond(0)
                .withNano(0)
                .plusMinutes(minutesFromNow);
        return session(cycle, position, title, start, 60);
    }

    public Training training(
            @Nullable Cycle cycle, String title, CycleStatus status, LocalDate startsOn, LocalDate endsOn) {
        return trainings.save(new Training(
                null,
                cycle == null ? null : cycle.id(),
                unique("training"),
                title,
                "Summary of " + title,
                "Three days to go *further*.",
                "Lyon, 12 rue de la Coopération",
                startsOn,
                endsOn,
                16,
                "450 € per person",
                status,
                OffsetDateTime.now(clock)));
    }
}

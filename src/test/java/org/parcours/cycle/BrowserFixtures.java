package org.parcours.cycle;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * Test data for end-to-end tests outside this package (the repositories are package-private): a published cycle
 * with unique slugs, so tests never depend on the demo content or on an empty database.
 */
public final class BrowserFixtures {

    private BrowserFixtures() {}

    /**
     * A published cycle of three weekly sessions: the first one week ago, the others to come. Each session has an
     * agenda and key points. Returns what a test needs to find it through the public pages.
     */
    public static PublishedCycle publishedCycleWithSessions(ApplicationContext context) {
        CycleRepository cycles = context.getBean(CycleRepository.class);
        SessionRepository sessions = context.getBean(SessionRepository.class);
        OffsetDateTime now = OffsetDateTime.now(context.getBean(Clock.class)).truncatedTo(ChronoUnit.MINUTES);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Cycle cycle = cycles.save(new Cycle(
                null,
                "parcours-test-" + suffix,
                "Coopérer pas à pas " + suffix,
                "Un cycle de test pour les parcours de navigateur.",
                "Trois séances qui **se suivent**.",
                "fr",
                CycleStatus.PUBLISHED,
                "Europe/Paris",
                now,
                now));
        OffsetDateTime firstStart = now.minusWeeks(1)
                .atZoneSameInstant(ZoneId.of("Europe/Paris"))
                .withHour(18)
                .withMinute(0)
                .toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
        List<String> slugs = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String slug = "seance-" + i;
            String title = "Séance " + i + " du parcours " + suffix;
            sessions.save(new Session(
                    null,
                    cycle.id(),
                    i,
                    slug,
                    title,
                    firstStart.plusWeeks(i - 1),
                    "Europe/Paris",
                    60,
                    "Ce que la séance " + i + " explore.",
                    "Description de la séance " + i + ".",
                    null,
                    null,
                    Session.DEFAULT_SEAT_CAP,
                    now,
                    List.of(
                            AgendaSegment.of(SegmentKind.RECAP, "Rappel des séances précédentes", 5),
                            AgendaSegment.of(SegmentKind.PRESENTATION, "Exposé", 30),
                            AgendaSegment.of(SegmentKind.EXCHANGES, "Échanges", 20),
                            AgendaSegment.of(SegmentKind.CLOSING, "Ce que je retiens", 5)),
                    List.of(
                            KeyPoint.of("Point clé A de la séance " + i),
                            KeyPoint.of("Point clé B de la séance " + i))));
            slugs.add(slug);
            titles.add(title);
        }
        return new PublishedCycle(cycle.slug(), cycle.title(), List.copyOf(slugs), List.copyOf(titles));
    }

    /** Slugs and titles of a cycle created for a test; sessions in path order. */
    public record PublishedCycle(String slug, String title, List<String> sessionSlugs, List<String> sessionTitles) {}
}

package org.parcours.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** The demo cycles are there after start, loaded from the demo files through the import. */
@SpringBootTest
@AutoConfigureMockMvc
class DemoContentIT {

    @Autowired
    DemoContent demo;

    @Autowired
    CycleService cycles;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Test
    void theApril2020CycleIsLoadedWithItsPathAndRecaps() {
        if (databaseUrl.startsWith("jdbc:h2:mem:")) {
            // Each test context has its own empty in-memory database: the loader must have run.
            assertThat(demo.outcome()).isEqualTo(DemoContent.Outcome.LOADED);
        } else if (demo.outcome() == DemoContent.Outcome.NOT_EMPTY) {
            // A shared database that other tests filled first: load the demo files the same way.
            demo.importFiles();
        }

        Cycle cycle = cycles.publishedCycle("cooperation-2020").orElseThrow();
        assertThat(cycle.title()).isEqualTo("La coopération, levier de résilience");
        assertThat(cycle.language()).isEqualTo("fr");
        List<Session> sessions = cycles.sessions(cycle.id());
        assertThat(sessions).extracting(Session::position).containsExactly(1, 2, 3, 4, 5);
        assertThat(sessions)
                .extracting(s -> s.start().toLocalDateTime().toString())
                .containsExactly(
                        "2020-04-02T18:00",
                        "2020-04-09T18:00",
                        "2020-04-16T18:00",
                        "2020-04-23T18:00",
                        "2020-04-30T18:00");
        assertThat(sessions).allSatisfy(s -> {
            assertThat(s.durationMinutes()).isEqualTo(60);
            assertThat(s.seatCap()).isEqualTo(100);
        });

        List<CycleService.Recap> recap = cycles.recapBefore(sessions.get(2));
        assertThat(recap)
                .extracting(r -> r.session().slug())
                .containsExactly(sessions.get(0).slug(), sessions.get(1).slug());
        assertThat(recap.get(0).keyPoints())
                .isEqualTo(sessions.get(0).keyPoints())
                .hasSizeBetween(3, 4);
        assertThat(recap.get(1).keyPoints())
                .isEqualTo(sessions.get(1).keyPoints())
                .hasSizeBetween(3, 4);

        assertThat(cycles.publishedTrainings(cycle.id())).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo("Initiation à la maturité coopérative");
            assertThat(t.days()).isEqualTo(3);
        });

        Cycle next = cycles.publishedCycle("cooperation-nouvelle-edition").orElseThrow();
        List<Session> nextSessions = cycles.sessions(next.id());
        assertThat(nextSessions).hasSize(5);
        assertThat(nextSessions).allSatisfy(s -> {
            assertThat(s.start().getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
            assertThat(s.start().toLocalTime()).isEqualTo("18:00");
        });
        for (int i = 1; i < 5; i++) {
            assertThat(nextSessions.get(i).start().toLocalDate())
                    .isEqualTo(nextSessions.get(i - 1).start().toLocalDate().plusWeeks(1));
        }
    }

    @Test
    void loadingAgainImportsNothingAndFailsNothing() {
        demo.importFiles();
        assertThat(demo.importFiles()).isEmpty();
        assertThat(cycles.cycle("cooperation-2020")).isPresent();
    }
}

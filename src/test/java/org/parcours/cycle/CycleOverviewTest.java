package org.parcours.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.CycleOverview.SessionTime;

class CycleOverviewTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ZonedDateTime APRIL_2 = ZonedDateTime.of(2020, 4, 2, 18, 0, 0, 0, PARIS);

    static SessionTime session(String slug, ZonedDateTime start) {
        return new SessionTime(slug, "Title " + slug, start, 60);
    }

    static CycleOverview overview(Instant now, SessionTime... path) {
        return CycleOverview.of("cycle", "Cycle", "Summary", "fr", List.of(path), now);
    }

    @Test
    void aCycleIsLiveWhileOneOfItsSessionsIs() {
        Instant duringSecond = APRIL_2.plusWeeks(1).plusMinutes(59).toInstant();

        CycleOverview cycle = overview(
                duringSecond,
                session("one", APRIL_2),
                session("two", APRIL_2.plusWeeks(1)),
                session("three", APRIL_2.plusWeeks(2)));

        assertThat(cycle.status()).isEqualTo(SessionStatus.LIVE);
        assertThat(cycle.focus()).isEqualTo(new CycleOverview.Focus(2, "two", "Title two", APRIL_2.plusWeeks(1)));
        assertThat(cycle.sessionCount()).isEqualTo(3);
        assertThat(cycle.firstStart()).isEqualTo(APRIL_2);
        assertThat(cycle.lastStart()).isEqualTo(APRIL_2.plusWeeks(2));
    }

    @Test
    void betweenSessionsACycleIsUpcomingAndPointsAtTheSoonestSessionWhateverThePathOrder() {
        Instant betweenFirstAndSecond = APRIL_2.plusDays(3).toInstant();

        CycleOverview cycle = overview(
                betweenFirstAndSecond,
                session("one", APRIL_2),
                session("three", APRIL_2.plusWeeks(2)),
                session("two", APRIL_2.plusWeeks(1)));

        assertThat(cycle.status()).isEqualTo(SessionStatus.UPCOMING);
        assertThat(cycle.focus().slug()).isEqualTo("two");
        assertThat(cycle.focus().number()).isEqualTo(3);
        assertThat(cycle.lastStart()).isEqualTo(APRIL_2.plusWeeks(2));
    }

    @Test
    void aCycleIsPastOnceItsLastSessionHasEnded() {
        Instant justAfter = APRIL_2.plusWeeks(1).plusMinutes(60).toInstant();

        CycleOverview cycle = overview(justAfter, session("one", APRIL_2), session("two", APRIL_2.plusWeeks(1)));

        assertThat(cycle.status()).isEqualTo(SessionStatus.PAST);
        assertThat(cycle.focus()).isNull();
    }

    @Test
    void aCycleWithoutSessionsIsUpcomingWithoutDates() {
        CycleOverview cycle = overview(APRIL_2.toInstant());

        assertThat(cycle.status()).isEqualTo(SessionStatus.UPCOMING);
        assertThat(cycle.firstStart()).isNull();
        assertThat(cycle.focus()).isNull();
    }

    @Test
    void statusOfTheCycleFollowsItsSessions() {
        assertThat(CycleOverview.statusOf(List.of(SessionStatus.PAST, SessionStatus.LIVE, SessionStatus.UPCOMING)))
                .isEqualTo(SessionStatus.LIVE);
        assertThat(CycleOverview.statusOf(List.of(SessionStatus.PAST, SessionStatus.UPCOMING)))
                .isEqualTo(SessionStatus.UPCOMING);
        assertThat(CycleOverview.statusOf(List.of(SessionStatus.PAST, SessionStatus.PAST)))
                .isEqualTo(SessionStatus.PAST);
        assertThat(CycleOverview.statusOf(List.of())).isEqualTo(SessionStatus.UPCOMING);
    }
}

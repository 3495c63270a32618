package org.parcours.cycle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.AgendaSegment;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleStatus;
import org.parcours.cycle.KeyPoint;
import org.parcours.cycle.SegmentKind;
import org.parcours.cycle.Session;
import org.parcours.cycle.SessionStatus;

class SessionPageTest {

    static final OffsetDateTime APRIL_2 = OffsetDateTime.parse("2020-04-02T18:00+02:00");
    static final Cycle CYCLE =
            new Cycle(1L, "cycle", "Cycle", "", "", "fr", CycleStatus.PUBLISHED, "Europe/Paris", APRIL_2, APRIL_2);

    static Session session(int position, List<KeyPoint> keyPoints, List<AgendaSegment> agenda) {
        return new Session(
                (long) position,
                1L,
                position,
                "s" + position,
                "Session " + position,
                APRIL_2.plusWeeks(position - 1),
                "Europe/Paris",
                60,
                "",
                "",
                "https://stream.example/" + position,
                "https://conference.example/" + position,
                100,
                APRIL_2,
                agenda,
                keyPoints);
    }

    static List<KeyPoint> points(String... texts) {
        return java.util.Arrays.stream(texts).map(KeyPoint::of).toList();
    }

    @Test
    void agendaSlotsStartWhenThePreviousSegmentsEnd() {
        Session session = session(
                1,
                List.of(),
                List.of(
                        AgendaSegment.of(SegmentKind.RECAP, "Recap", 5),
                        AgendaSegment.of(SegmentKind.PRESENTATION, "Talk", 30),
                        AgendaSegment.of(SegmentKind.CLOSING, "Closing", 10)));

        List<SessionPage.AgendaSlot> slots = SessionPage.agenda(session);

        assertThat(slots).extracting(SessionPage.AgendaSlot::offsetMinutes).containsExactly(0, 5, 35);
        assertThat(slots.get(2).start().toLocalTime()).hasToString("18:35");
    }

    @Test
    void theThirdSessionRecapsTheKeyPointsOfTheFirstTwoWithTheirNumbers() {
        List<Session> path = List.of(
                session(1, points("a", "b"), List.of()),
                session(2, List.of(), List.of()),
                session(3, points("c"), List.of()),
                session(4, points("d"), List.of()));
        Instant beforeAll = APRIL_2.minusDays(1).toInstant();

        SessionPage page = SessionPage.of(CYCLE, path, "s4", beforeAll).orElseThrow();

        assertThat(page.recap()).extracting(r -> r.step().number()).containsExactly(1, 3);
        assertThat(page.recap().get(0).keyPoints()).extracting(KeyPoint::text).containsExactly("a", "b");
        assertThat(page.step().number()).isEqualTo(4);
        assertThat(page.total()).isEqualTo(4);
        assertThat(page.previous().session().slug()).isEqualTo("s3");
        assertThat(page.next()).isNull();
    }

    @Test
    void theLivestreamIsOfferedUntilTheSessionIsOverAndOnlyAsAWebAddress() {
        List<Session> path = List.of(session(1, List.of(), List.of()));

        assertThat(SessionPage.of(CYCLE, path, "s1", APRIL_2.minusDays(1).toInstant())
                        .orElseThrow()
                        .livestreamUrl())
                .isEqualTo("https://stream.example/1");
        SessionPage after = SessionPage.of(
                        CYCLE, path, "s1", APRIL_2.plusDays(1).toInstant())
                .orElseThrow();
        assertThat(after.step().status()).isEqualTo(SessionStatus.PAST);
        assertThat(after.livestreamUrl()).isNull();

        Session scripted = new Session(
                9L,
                1L,
                1,
                "x",
                "X",
                APRIL_2,
                "Europe/Paris",
                60,
                "",
                "",
                "javascript:alert(1)",
                null,
                100,
                APRIL_2,
                List.of(),
                List.of());
        assertThat(SessionPage.of(
                                CYCLE,
                                List.of(scripted),
                                "x",
                                APRIL_2.minusDays(1).toInstant())
                        .orElseThrow()
                        .livestreamUrl())
                .isNull();
    }

    @Test
    void anUnknownSlugHasNoPage() {
        assertThat(SessionPage.of(CYCLE, List.of(session(1, List.of(), List.of())), "nope", Instant.EPOCH))
                .isEmpty();
    }
}

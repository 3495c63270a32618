package org.parcours.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parcours.account.Participants;
import org.parcours.account.Person;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleFixtures;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.parcours.testing.ManualClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The replay log of a room goes once the room has been closed longer than prune-after; what the room kept stays,
 * and rooms still to come, forced open, or closed only lately keep their log. The pruning's clock is moved by the
 * test; the events are written at the real now.
 */
@SpringBootTest(properties = "parcours.rate-limit.enabled=false")
@Import(CycleFixtures.class)
class LiveEventPruningIT {

    private static final Duration PRUNE_AFTER = Duration.ofDays(1);
    private static final long DAY = 24 * 60;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CycleService cycles;

    @Autowired
    CycleFixtures fixtures;

    @Autowired
    RoomService rooms;

    @Autowired
    LiveEvents events;

    @Autowired
    QuestionService questions;

    @Autowired
    LiveParticipants participants;

    @Autowired
    Participants people;

    @Test
    void closedRoomsLoseTheirReplayLogOnlyAndOnlyOnceClosedLongEnough() {
        Cycle cycle = fixtures.publishedCycle("Pruning " + CycleFixtures.unique("c"));
        Session past = fixtures.sessionFromNow(cycle, 1, "Four days ago", -4 * DAY);
        Session coming = fixtures.sessionFromNow(cycle, 2, "In three days", 3 * DAY);
        Session forcedOpen = fixtures.sessionFromNow(cycle, 3, "Open for ever", -4 * DAY);
        Session closedNow = fixtures.sessionFromNow(cycle, 4, "Closed by hand", 3 * DAY);

        QuestionView kept = askInto(past);
        rooms.setSegment(coming.id(), 0);
        askInto(forcedOpen);
        rooms.saveSettings(forcedOpen.id(), settings(LiveRoom.Opening.OPEN));
        rooms.setSegment(closedNow.id(), 0);
        rooms.saveSettings(closedNow.id(), settings(LiveRoom.Opening.CLOSED));
        long pastLastSeq = events.lastSeq(past.id());

        ManualClock clock = new ManualClock(Instant.now().plus(Duration.ofHours(12)));
        LiveEventPruning pruning = new LiveEventPruning(jdbc, cycles, clock, PRUNE_AFTER);
        pruning.prune();
        assertThat(logOf(past)).as("closed four days ago").isZero();
        assertThat(logOf(coming)).as("not open yet").isPositive();
        assertThat(logOf(forcedOpen)).as("forced open").isPositive();
        assertThat(logOf(closedNow)).as("closed by hand twelve hours ago").isPositive();

        clock.advance(Duration.ofDays(1));
        pruning.prune();
        assertThat(logOf(closedNow)).as("closed by hand a day and a half ago").isZero();
        assertThat(logOf(coming)).isPositive();
        assertThat(logOf(forcedOpen)).isPositive();
        assertThat(pruning.prune()).as("pruning again changes nothing").isZero();

        // what the room kept is still there, and event numbers go on from where they were
        assertThat(questions.archive(past.id())).extracting(QuestionView::text).containsExactly(kept.text());
        assertThat(events.lastSeq(past.id())).isEqualTo(pastLastSeq);
        assertThat(events.after(past.id(), 0, 100)).isEmpty();
    }

    private QuestionView askInto(Session session) {
        rooms.saveSettings(session.id(), settings(LiveRoom.Opening.OPEN));
        Person person = people.findOrCreate("Pia", "pia" + UUID.randomUUID() + "@live.test", Locale.FRENCH);
        QuestionView question = questions.ask(
                participants.forPerson(session.id(), person.id(), person.displayName()), "Kept in the archive?");
        rooms.saveSettings(session.id(), settings(LiveRoom.Opening.AUTO));
        return question;
    }

    private static RoomService.RoomSettings settings(LiveRoom.Opening opening) {
        return new RoomService.RoomSettings(opening, 30, 60, false, false, 0);
    }

    private long logOf(Session session) {
        return jdbc.sql("select count(*) from live_event where session_id = :s")
                .param("s", session.id())
                .query(Long.class)
                .single();
    }
}

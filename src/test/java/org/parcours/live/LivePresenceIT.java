package org.parcours.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.account.Participants;
import org.parcours.account.Person;
import org.parcours.cycle.CycleFixtures;
import org.parcours.cycle.Session;
import org.parcours.testing.ManualClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Attendance records stays, not connections: a second tab or a reconnection within the grace period continues a
 * stay, the departure is the moment the last stream ended, and overlapping stays (two nodes) count once. Time is a
 * clock the test moves.
 */
@SpringBootTest
@Import(CycleFixtures.class)
class LivePresenceIT {

    private static final Duration GRACE = Duration.ofSeconds(60);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CycleFixtures fixtures;

    @Autowired
    Participants people;

    @Autowired
    LiveParticipants participants;

    ManualClock clock;
    LivePresence presence;
    Session session;
    Instant start;

    @BeforeEach
    void aRoom() {
        start = Instant.parse("2026-04-02T16:00:00Z");
        clock = new ManualClock(start);
        presence = new LivePresence(jdbc, clock, GRACE);
        session = fixtures.sessionFromNow(
                fixtures.publishedCycle("Presence " + CycleFixtures.unique("c")), 1, "Here", -5);
    }

    Participant participant(String name) {
        Person person = people.findOrCreate(name, name + UUID.randomUUID() + "@live.test", Locale.FRENCH);
        return participants.forPerson(session.id(), person.id(), person.displayName());
    }

    @Test
    void twoTabsAndAQuickReconnectionAreOneStayEndingWhenTheLastStreamEnded() {
        Participant ana = participant("ana");
        LivePresence.Stay firstTab = presence.joined(session.id(), ana.id(), SeatKind.CONFERENCE);
        clock.advance(Duration.ofMinutes(1));
        LivePresence.Stay secondTab = presence.joined(session.id(), ana.id(), SeatKind.CONFERENCE);
        clock.advance(Duration.ofMinutes(10));
        presence.left(secondTab);
        clock.advance(Duration.ofMinutes(10));
        presence.left(firstTab);
        // the stream reconnects (stream lifetime, network): within the grace, the same stay goes on
        clock.advance(Duration.ofSeconds(2));
        LivePresence.Stay reconnected = presence.joined(session.id(), ana.id(), SeatKind.CONFERENCE);
        clock.advance(Duration.ofMinutes(20));
        presence.left(reconnected);
        Instant leftAt = clock.instant();

        clock.advance(GRACE.minusSeconds(1));
        assertThat(presence.recordDepartures()).isZero();
        assertThat(presence.attendance(session.id()))
                .singleElement()
                .satisfies(stay -> assertThat(stay.leftAt()).isNull());

        clock.advance(Duration.ofSeconds(2));
        assertThat(presence.recordDepartures()).isEqualTo(1);
        assertThat(presence.attendance(session.id())).singleElement().satisfies(stay -> {
            assertThat(stay.seat()).isEqualTo("CONFERENCE");
            assertThat(stay.joinedAt().toInstant()).isEqualTo(start);
            assertThat(stay.leftAt().toInstant()).isEqualTo(leftAt);
        });
        assertThat(presence.attendees(session.id())).singleElement().satisfies(attendee -> {
            assertThat(attendee.present()).isEqualTo(Duration.between(start, leftAt));
            assertThat(attendee.leftAt().toInstant()).isEqualTo(leftAt);
        });
    }

    @Test
    void comingBackAfterTheGraceIsANewStayAndOverlappingStaysCountOnce() {
        Participant ben = participant("ben");
        presence.left(presence.joined(session.id(), ben.id(), SeatKind.STREAM));
        clock.advance(Duration.ofMinutes(5));
        presence.recordDepartures();
        LivePresence.Stay back = presence.joined(session.id(), ben.id(), SeatKind.STREAM);
        // meanwhile another node had him too (a stream that went elsewhere): an overlapping stay there
        LivePresence otherNode = new LivePresence(jdbc, clock, GRACE);
        LivePresence.Stay elsewhere = otherNode.joined(session.id(), ben.id(), SeatKind.STREAM);
        clock.advance(Duration.ofMinutes(10));
        otherNode.left(elsewhere);
        presence.left(back);
        clock.advance(GRACE.plusSeconds(1));
        presence.recordDepartures();
        otherNode.recordDepartures();

        List<LivePresence.Attendance> stays = presence.attendance(session.id());
        assertThat(stays)
                .hasSize(3)
                .allSatisfy(stay -> assertThat(stay.leftAt()).isNotNull());
        assertThat(presence.attendees(session.id())).singleElement().satisfies(attendee -> {
            assertThat(attendee.seat()).isEqualTo("STREAM");
            assertThat(attendee.firstJoinedAt().toInstant()).isEqualTo(start);
            // the first stay lasted no time; the two overlapping ones ten minutes together
            assertThat(attendee.present()).isEqualTo(Duration.ofMinutes(10));
        });
    }

    @Test
    void aStoppingNodeRecordsEveryoneAsLeavingNow() {
        Participant eve = participant("eve");
        presence.joined(session.id(), eve.id(), null);
        clock.advance(Duration.ofMinutes(3));
        presence.recordAllDepartures();
        assertThat(presence.attendance(session.id())).singleElement().satisfies(stay -> {
            assertThat(stay.seat()).isEqualTo("NONE");
            assertThat(stay.leftAt().toInstant()).isEqualTo(start.plus(Duration.ofMinutes(3)));
        });
    }
}

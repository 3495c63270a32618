package org.parcours.live.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parcours.live.PresenceCounts;

/** Presence counts people, not streams: over tabs, nodes and seats, each participant once; the team not at all. */
class PresenceReportTest {

    private static final long ROOM = 42;

    @Test
    void aParticipantWithTwoTabsOnTwoNodesIsOnePersonAndTheConferenceSeatWins() {
        PresenceReport a = new PresenceReport("a", ROOM, List.of(1L), List.of(2L, 3L), 2, 0);
        PresenceReport b = new PresenceReport("b", ROOM, List.of(), List.of(1L, 3L, 4L), 1, 0);

        PresenceCounts total = PresenceReport.total(ROOM, List.of(a, b), 10);

        assertThat(total.conference()).isEqualTo(1);
        // participants 2, 3, 4 and three visitors (each node counts its own)
        assertThat(total.stream()).isEqualTo(6);
        assertThat(total.total()).isEqualTo(7);
    }

    @Test
    void noReportsMeansNobody() {
        assertThat(PresenceReport.total(ROOM, List.of(), 0).total()).isZero();
    }
}

package org.parcours.cycle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.CycleOverview;
import org.parcours.cycle.SessionStatus;

class HomePageTest {

    static final ZonedDateTime JAN_1 = ZonedDateTime.of(2030, 1, 1, 18, 0, 0, 0, ZoneId.of("Europe/Paris"));

    static CycleOverview cycle(String slug, SessionStatus status, int lastDay, Integer focusDay) {
        CycleOverview.Focus focus =
                focusDay == null ? null : new CycleOverview.Focus(1, "s", "S", JAN_1.plusDays(focusDay));
        return new CycleOverview(
                slug, slug, "", "fr", status, 1, JAN_1, lastDay < 0 ? null : JAN_1.plusDays(lastDay), focus);
    }

    @Test
    void groupsCyclesByWhereTheyStandInAUsefulOrder() {
        HomePage page = HomePage.of(
                List.of(
                        cycle("old", SessionStatus.PAST, 1, null),
                        cycle("later", SessionStatus.UPCOMING, 30, 20),
                        cycle("recent", SessionStatus.PAST, 5, null),
                        cycle("undated", SessionStatus.UPCOMING, -1, null),
                        cycle("soon", SessionStatus.UPCOMING, 30, 2),
                        cycle("now", SessionStatus.LIVE, 30, 0)),
                List.of());

        assertThat(page.live()).extracting(CycleOverview::slug).containsExactly("now");
        assertThat(page.upcoming()).extracting(CycleOverview::slug).containsExactly("soon", "later", "undated");
        assertThat(page.past()).extracting(CycleOverview::slug).containsExactly("recent", "old");
        assertThat(page.empty()).isFalse();
    }

    @Test
    void nothingPublishedIsAnEmptyPage() {
        assertThat(HomePage.of(List.of(), List.of()).empty()).isTrue();
    }
}

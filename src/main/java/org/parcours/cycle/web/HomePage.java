package org.parcours.cycle.web;

import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import org.parcours.cycle.CycleOverview;
import org.parcours.cycle.SessionStatus;
import org.parcours.cycle.Training;

/**
 * The home page: published cycles live now (soonest session first), upcoming (soonest next session first, those
 * without a date last) and past (most recent first), then the published trainings.
 */
public record HomePage(
        List<CycleOverview> live, List<CycleOverview> upcoming, List<CycleOverview> past, List<Training> trainings) {

    private static final Comparator<ZonedDateTime> CHRONOLOGICAL = Comparator.comparing(ZonedDateTime::toInstant);

    static HomePage of(List<CycleOverview> cycles, List<Training> trainings) {
        Comparator<CycleOverview> byFocus = Comparator.comparing(
                c -> c.focus() == null ? null : c.focus().start(), Comparator.nullsLast(CHRONOLOGICAL));
        Comparator<CycleOverview> latestFirst =
                Comparator.comparing(CycleOverview::lastStart, Comparator.nullsLast(CHRONOLOGICAL.reversed()));
        return new HomePage(
                with(cycles, SessionStatus.LIVE, byFocus),
                with(cycles, SessionStatus.UPCOMING, byFocus),
                with(cycles, SessionStatus.PAST, latestFirst),
                trainings);
    }

    private static List<CycleOverview> with(
            List<CycleOverview> cycles, SessionStatus status, Comparator<CycleOverview> order) {
        return cycles.stream().filter(c -> c.status() == status).sorted(order).toList();
    }

    public boolean empty() {
        return live.isEmpty() && upcoming.isEmpty() && past.isEmpty() && trainings.isEmpty();
    }
}

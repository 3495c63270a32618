package org.parcours.cycle.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleOverview;
import org.parcours.cycle.Session;
import org.parcours.cycle.SessionStatus;
import org.parcours.cycle.Training;

/** What the cycle page shows: the cycle, its path of sessions with their status, and the trainings that go further. */
public record CyclePage(Cycle cycle, List<PathStep> path, List<Training> trainings) {

    static CyclePage of(Cycle cycle, List<Session> sessions, List<Training> trainings, Instant now) {
        List<PathStep> path = new ArrayList<>();
        for (Session session : sessions) {
            path.add(new PathStep(path.size() + 1, session, session.statusAt(now)));
        }
        return new CyclePage(cycle, List.copyOf(path), trainings);
    }

    public SessionStatus status() {
        return CycleOverview.statusOf(path.stream().map(PathStep::status).toList());
    }

    public @Nullable LocalDate firstDay() {
        return path.stream()
                .map(step -> step.session().start().toLocalDate())
                .min(LocalDate::compareTo)
                .orElse(null);
    }

    public @Nullable LocalDate lastDay() {
        return path.stream()
                .map(step -> step.session().start().toLocalDate())
                .max(LocalDate::compareTo)
                .orElse(null);
    }
}

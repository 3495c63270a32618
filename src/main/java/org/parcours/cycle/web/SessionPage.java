package org.parcours.cycle.web;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.AgendaSegment;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.KeyPoint;
import org.parcours.cycle.Session;
import org.parcours.cycle.SessionStatus;

/**
 * What a session page shows: the session at its place in the path, its neighbours, the recap of the key points of
 * the sessions before it and its agenda with the time each segment starts.
 */
public record SessionPage(
        Cycle cycle,
        PathStep step,
        int total,
        @Nullable PathStep previous,
        @Nullable PathStep next,
        List<RecapItem> recap,
        List<AgendaSlot> agenda) {

    /** The key points of one earlier session. */
    public record RecapItem(PathStep step, List<KeyPoint> keyPoints) {}

    /** An agenda segment with its start: minutes after the session starts, and the clock time in its zone. */
    public record AgendaSlot(AgendaSegment segment, int offsetMinutes, ZonedDateTime start) {}

    public Session session() {
        return step.session();
    }

    /**
     * The livestream link while it is useful (before and during the session), and only if it is a web address. The
     * conference link is deliberately not offered here.
     */
    public @Nullable String livestreamUrl() {
        String url = session().livestreamUrl();
        boolean web = url != null && (url.startsWith("https://") || url.startsWith("http://"));
        return web && step.status() != SessionStatus.PAST ? url : null;
    }

    /** The page of the session with {@code slug} in {@code sessions} (the cycle's path, in order), if there is one. */
    static Optional<SessionPage> of(Cycle cycle, List<Session> sessions, String slug, Instant now) {
        List<PathStep> path = CyclePage.of(cycle, sessions, List.of(), now).path();
        for (int i = 0; i < path.size(); i++) {
            PathStep step = path.get(i);
            if (step.session().slug().equals(slug)) {
                List<RecapItem> recap = CycleService.recapBefore(step.session(), sessions).stream()
                        .map(r -> new RecapItem(path.get(sessions.indexOf(r.session())), r.keyPoints()))
                        .toList();
                return Optional.of(new SessionPage(
                        cycle,
                        step,
                        path.size(),
                        i > 0 ? path.get(i - 1) : null,
                        i + 1 < path.size() ? path.get(i + 1) : null,
                        recap,
                        agenda(step.session())));
            }
        }
        return Optional.empty();
    }

    static List<AgendaSlot> agenda(Session session) {
        List<AgendaSlot> slots = new ArrayList<>();
        int offset = 0;
        for (AgendaSegment segment : session.agenda()) {
            slots.add(new AgendaSlot(segment, offset, session.start().plusMinutes(offset)));
            offset += segment.plannedMinutes();
        }
        return List.copyOf(slots);
    }
}

package org.parcours.cycle;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A published cycle as listed on the home page: where it stands in time, the dates of its first and last session
 * and the session to point visitors at ({@code focus}: the live one, else the next one).
 */
public record CycleOverview(
        String slug,
        String title,
        String summary,
        String language,
        SessionStatus status,
        int sessionCount,
        @Nullable ZonedDateTime firstStart,
        @Nullable ZonedDateTime lastStart,
        @Nullable Focus focus) {

    /** The session a visitor should look at first. */
    public record Focus(int number, String slug, String title, ZonedDateTime start) {}

    /** What the overview needs of one session, in path order. */
    record SessionTime(String slug, String title, ZonedDateTime start, int durationMinutes) {

        SessionStatus statusAt(Instant now) {
            Instant begin = start.toInstant();
            if (now.isBefore(begin)) {
                return SessionStatus.UPCOMING;
            }
            return now.isBefore(begin.plusSeconds(60L * durationMinutes)) ? SessionStatus.LIVE : SessionStatus.PAST;
        }
    }

    /**
     * Where a cycle stands given its sessions' statuses: live if one session is live, upcoming if one is still to
     * come (or none is scheduled yet), past otherwise.
     */
    public static SessionStatus statusOf(Collection<SessionStatus> sessions) {
        if (sessions.contains(SessionStatus.LIVE)) {
            return SessionStatus.LIVE;
        }
        if (sessions.isEmpty() || sessions.contains(SessionStatus.UPCOMING)) {
            return SessionStatus.UPCOMING;
        }
        return SessionStatus.PAST;
    }

    static CycleOverview of(
            String slug, String title, String summary, String language, List<SessionTime> path, Instant now) {
        List<SessionStatus> statuses = path.stream().map(s -> s.statusAt(now)).toList();
        SessionStatus status = statusOf(statuses);
        Focus focus = null;
        if (status != SessionStatus.PAST) {
            // the live session, or else the soonest upcoming one (the path order need not be chronological)
            int chosen = -1;
            for (int i = 0; i < path.size(); i++) {
                if (statuses.get(i) == status
                        && (chosen < 0
                                || path.get(i).start().isBefore(path.get(chosen).start()))) {
                    chosen = i;
                }
            }
            if (chosen >= 0) {
                SessionTime s = path.get(chosen);
                focus = new Focus(chosen + 1, s.slug(), s.title(), s.start());
            }
        }
        Comparator<ZonedDateTime> chronological = Comparator.comparing(ZonedDateTime::toInstant);
        ZonedDateTime first =
                path.stream().map(SessionTime::start).min(chronological).orElse(null);
        ZonedDateTime last =
                path.stream().map(SessionTime::start).max(chronological).orElse(null);
        return new CycleOverview(slug, title, summary, language, status, path.size(), first, last, focus);
    }
}

package org.parcours.cycle;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public API of the cycle feature: what other features and the web layer may read. Public reads only ever
 * return published cycles and trainings.
 */
@Service
@Transactional(readOnly = true)
public class CycleService {

    private final CycleRepository cycles;
    private final SessionRepository sessions;
    private final TrainingRepository trainings;
    private final CycleOverviews overviews;
    private final Clock clock;

    CycleService(
            CycleRepository cycles,
            SessionRepository sessions,
            TrainingRepository trainings,
            CycleOverviews overviews,
            Clock clock) {
        this.cycles = cycles;
        this.sessions = sessions;
        this.trainings = trainings;
        this.overviews = overviews;
        this.clock = clock;
    }

    public boolean hasNoCycles() {
        return cycles.count() == 0;
    }

    public List<Cycle> publishedCycles() {
        return cycles.findByStatus(CycleStatus.PUBLISHED);
    }

    public List<Cycle> allCycles() {
        return cycles.findAll();
    }

    /** Every published cycle with where it stands now, in one query (for the home page). */
    public List<CycleOverview> publishedOverviews() {
        return overviews.published(clock.instant());
    }

    public Optional<Cycle> publishedCycle(String slug) {
        return cycles.findBySlug(slug).filter(Cycle::published);
    }

    public Optional<Cycle> cycle(String slug) {
        return cycles.findBySlug(slug);
    }

    public Optional<Cycle> cycle(long id) {
        return cycles.findById(id);
    }

    /** The sessions of a cycle in path order. */
    public List<Session> sessions(long cycleId) {
        return sessions.findByCycleIdOrderByPosition(cycleId);
    }

    public Optional<Session> session(long cycleId, String slug) {
        return sessions.findByCycleIdAndSlug(cycleId, slug);
    }

    public Optional<Session> session(long id) {
        return sessions.findById(id);
    }

    /** Sessions of any cycle starting after {@code after} and at the latest {@code until}, by start (for reminders). */
    public List<Session> sessionsStartingBetween(Instant after, Instant until) {
        return sessions.findByStartsAtGreaterThanAndStartsAtLessThanEqualOrderByStartsAt(
                after.atOffset(ZoneOffset.UTC), until.atOffset(ZoneOffset.UTC));
    }

    /**
     * The recap opening {@code session}: the key points of every earlier session of its cycle, in path order.
     * Sessions without key points are left out.
     */
    public List<Recap> recapBefore(Session session) {
        return recapBefore(session, sessions(session.cycleId()));
    }

    /** {@link #recapBefore(Session)} for a caller that already holds the cycle's sessions in path order. */
    public static List<Recap> recapBefore(Session session, List<Session> path) {
        List<Recap> recap = new ArrayList<>();
        for (Session earlier : path) {
            if (earlier.position() >= session.position()) {
                break;
            }
            if (!earlier.keyPoints().isEmpty()) {
                recap.add(new Recap(earlier, earlier.keyPoints()));
            }
        }
        return recap;
    }

    public List<Training> publishedTrainings() {
        return trainings.findByStatusOrderByStartsOn(CycleStatus.PUBLISHED);
    }

    public List<Training> publishedTrainings(long cycleId) {
        return trainings.findByCycleIdOrderByStartsOn(cycleId).stream()
                .filter(Training::published)
                .toList();
    }

    public Optional<Training> publishedTraining(String slug) {
        return trainings.findBySlug(slug).filter(Training::published);
    }

    public Clock clock() {
        return clock;
    }

    /** The key points of one earlier session, as shown in a recap. */
    public record Recap(Session session, List<KeyPoint> keyPoints) {}
}

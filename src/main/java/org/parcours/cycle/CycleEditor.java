package org.parcours.cycle;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.EditFields.CycleFields;
import org.parcours.cycle.EditFields.SessionFields;
import org.parcours.cycle.EditFields.TrainingFields;
import org.parcours.library.search.SearchContentChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The organisers' API of the cycle feature: every change to cycles, sessions (with their agenda and key points)
 * and trainings, plus the few reads only editors need (drafts included). Callers must have checked that the
 * current user is an organiser; the admin controllers do.
 *
 * <p>Each method is one transaction: it saves everything or nothing. Every change sets {@code updated_at}, and a
 * change to a session also marks its cycle as changed, because the cycle page and the recaps of later sessions
 * show it. A duplicate slug is reported as {@link SlugTakenException}, also when the database's unique
 * constraint catches a race the pre-check missed. Unknown ids give an empty result.
 *
 * <p>Adding a session publishes {@link SessionAdded} and changing a seat cap publishes {@link
 * SessionSeatCapChanged}, both inside the transaction: listeners that fail roll the change back. Every change to
 * what the public pages of a cycle show also publishes {@link SearchContentChanged} for the {@code cycle} source,
 * which search handles once the transaction has committed.
 */
@Service
public class CycleEditor {

    private final CycleRepository cycles;
    private final SessionRepository sessions;
    private final TrainingRepository trainings;
    private final CyclePaths paths;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CycleEditor(
            CycleRepository cycles,
            SessionRepository sessions,
            TrainingRepository trainings,
            CyclePaths paths,
            PlatformTransactionManager transactions,
            Clock clock,
            ApplicationEventPublisher events) {
        this.cycles = cycles;
        this.sessions = sessions;
        this.trainings = trainings;
        this.paths = paths;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.events = events;
    }

    // ---- cycles

    /** A new draft cycle. */
    public Cycle createCycle(CycleFields f) {
        return write(() -> {
            if (cycles.existsBySlug(f.slug())) {
                throw new SlugTakenException();
            }
            OffsetDateTime now = now();
            return cycles.save(new Cycle(
                    null,
                    f.slug(),
                    f.title(),
                    f.summary(),
                    f.description(),
                    f.language(),
                    CycleStatus.DRAFT,
                    f.timeZone(),
                    now,
                    now));
        });
    }

    public Optional<Cycle> updateCycle(long id, CycleFields f) {
        return write(() -> cycles.findById(id).map(old -> {
            if (!old.slug().equals(f.slug()) && cycles.existsBySlug(f.slug())) {
                throw new SlugTakenException();
            }
            searchChanged(id);
            return cycles.save(new Cycle(
                    old.id(),
                    f.slug(),
                    f.title(),
                    f.summary(),
                    f.description(),
                    f.language(),
                    old.status(),
                    f.timeZone(),
                    old.createdAt(),
                    now()));
        }));
    }

    /** Publishes or withdraws a cycle. */
    public Optional<Cycle> setStatus(long id, CycleStatus status) {
        return write(() -> cycles.findById(id)
                .map(old -> searchChanged(old))
                .map(old -> cycles.save(new Cycle(
                        old.id(),
                        old.slug(),
                        old.title(),
                        old.summary(),
                        old.description(),
                        old.language(),
                        status,
                        old.timeZone(),
                        old.createdAt(),
                        now()))));
    }

    // ---- sessions

    /** A new session at the end of the cycle's path, with no agenda and no key points yet. */
    public Optional<Session> createSession(long cycleId, SessionFields f) {
        return write(() -> {
            if (!paths.lock(cycleId)) {
                return Optional.empty();
            }
            if (sessions.findByCycleIdAndSlug(cycleId, f.slug()).isPresent()) {
                throw new SlugTakenException();
            }
            int last = sessions.findByCycleIdOrderByPosition(cycleId).stream()
                    .mapToInt(Session::position)
                    .max()
                    .orElse(0);
            OffsetDateTime now = now();
            Session created = sessions.save(session(null, cycleId, last + 1, f, now, List.of(), List.of()));
            paths.touch(cycleId, now);
            events.publishEvent(new SessionAdded(cycleId, Objects.requireNonNull(created.id())));
            searchChanged(cycleId);
            return Optional.of(created);
        });
    }

    /**
     * Changes a session's details; its place in the path, agenda and key points stay. A new start or duration is
     * announced with {@link SessionRescheduled}.
     */
    public Optional<Session> updateSession(long id, SessionFields f) {
        return write(() -> sessions.findById(id).map(old -> {
            if (!old.slug().equals(f.slug())
                    && sessions.findByCycleIdAndSlug(old.cycleId(), f.slug()).isPresent()) {
                throw new SlugTakenException();
            }
            OffsetDateTime now = now();
            Session saved = sessions.save(
                    session(old.id(), old.cycleId(), old.position(), f, now, old.agenda(), old.keyPoints()));
            paths.touch(old.cycleId(), now);
            searchChanged(old.cycleId());
            if (old.seatCap() != f.seatCap()) {
                events.publishEvent(new SessionSeatCapChanged(id, old.seatCap(), f.seatCap()));
            }
            if (!old.startsAt().isEqual(saved.startsAt()) || old.durationMinutes() != saved.durationMinutes()) {
                events.publishEvent(new SessionRescheduled(old, saved));
            }
            return saved;
        }));
    }

    /** Replaces the agenda of a session, in the given order. */
    public Optional<Session> replaceAgenda(long sessionId, List<AgendaSegment> agenda) {
        List<AgendaSegment> fresh = agenda.stream()
                .map(s -> AgendaSegment.of(s.kind(), s.title(), s.plannedMinutes()))
                .toList();
        return replaceContent(sessionId, old -> fresh, Session::keyPoints);
    }

    /** Replaces the key points of a session, in the given order. */
    public Optional<Session> replaceKeyPoints(long sessionId, List<String> keyPoints) {
        List<KeyPoint> fresh = keyPoints.stream().map(KeyPoint::of).toList();
        return replaceContent(sessionId, Session::agenda, old -> fresh);
    }

    /**
     * Moves a session one step earlier ({@code step = -1}) or later ({@code +1}) in its path and renumbers the
     * path 1..n. Moving the first session earlier or the last one later changes nothing.
     */
    public Optional<Session> moveSession(long id, int step) {
        if (step != -1 && step != 1) {
            throw new IllegalArgumentException("step must be -1 or +1");
        }
        return write(() -> {
            Optional<Session> found = sessions.findById(id);
            if (found.isEmpty() || !paths.lock(found.get().cycleId())) {
                return Optional.empty();
            }
            long cycleId = found.get().cycleId();
            List<Session> path = new ArrayList<>(sessions.findByCycleIdOrderByPosition(cycleId));
            int from = indexOf(path, id);
            int to = from + step;
            if (to >= 0 && to < path.size()) {
                path.add(to, path.remove(from));
                paths.renumber(cycleId, path, now());
                searchChanged(cycleId);
            }
            return sessions.findById(id);
        });
    }

    /**
     * Deletes a session with its agenda and key points, and closes the gap in the path. {@link SessionCancelled} is
     * published first, while what hangs off the session still exists.
     */
    public Optional<Session> deleteSession(long id) {
        return write(() -> {
            Optional<Session> found = sessions.findById(id);
            if (found.isEmpty() || !paths.lock(found.get().cycleId())) {
                return Optional.empty();
            }
            long cycleId = found.get().cycleId();
            events.publishEvent(new SessionCancelled(found.get()));
            sessions.deleteById(id);
            paths.renumber(cycleId, sessions.findByCycleIdOrderByPosition(cycleId), now());
            searchChanged(cycleId);
            return found;
        });
    }

    // ---- trainings

    public Training createTraining(TrainingFields f) {
        return write(() -> {
            if (trainings.findBySlug(f.slug()).isPresent()) {
                throw new SlugTakenException();
            }
            return trainings.save(training(null, f));
        });
    }

    public Optional<Training> updateTraining(long id, TrainingFields f) {
        return write(() -> trainings.findById(id).map(old -> {
            if (!old.slug().equals(f.slug()) && trainings.findBySlug(f.slug()).isPresent()) {
                throw new SlugTakenException();
            }
            return trainings.save(training(old.id(), f));
        }));
    }

    // ---- reads for editors

    /** Every training, drafts included, by start date. */
    public List<Training> allTrainings() {
        List<Training> all = new ArrayList<>(trainings.findAll());
        all.sort(Comparator.comparing(Training::startsOn).thenComparing(Training::title));
        return all;
    }

    public Optional<Training> training(long id) {
        return trainings.findById(id);
    }

    /** How many sessions each cycle has, by cycle id; cycles without sessions are absent. */
    public Map<Long, Integer> sessionCounts() {
        return paths.sessionCounts();
    }

    // ---- internals

    private Optional<Session> replaceContent(
            long sessionId,
            Function<Session, List<AgendaSegment>> agenda,
            Function<Session, List<KeyPoint>> keyPoints) {
        return write(() -> sessions.findById(sessionId).map(old -> {
            OffsetDateTime now = now();
            Session saved = sessions.save(new Session(
                    old.id(),
                    old.cycleId(),
                    old.position(),
                    old.slug(),
                    old.title(),
                    old.startsAt(),
                    old.timeZone(),
                    old.durationMinutes(),
                    old.summary(),
                    old.description(),
                    old.livestreamUrl(),
                    old.conferenceUrl(),
                    old.seatCap(),
                    now,
                    agenda.apply(old),
                    keyPoints.apply(old)));
            paths.touch(old.cycleId(), now);
            searchChanged(old.cycleId());
            return saved;
        }));
    }

    private static Session session(
            @Nullable Long id,
            long cycleId,
            int position,
            SessionFields f,
            OffsetDateTime now,
            List<AgendaSegment> agenda,
            List<KeyPoint> keyPoints) {
        return new Session(
                id,
                cycleId,
                position,
                f.slug(),
                f.title(),
                f.startsAt(),
                f.timeZone(),
                f.durationMinutes(),
                f.summary(),
                f.description(),
                f.livestreamUrl(),
                f.conferenceUrl(),
                f.seatCap(),
                now,
                agenda,
                keyPoints);
    }

    private Training training(@Nullable Long id, TrainingFields f) {
        return new Training(
                id,
                f.cycleId(),
                f.slug(),
                f.title(),
                f.summary(),
                f.description(),
                f.place(),
                f.startsOn(),
                f.endsOn(),
                f.capacity(),
                f.priceText(),
                f.status(),
                now());
    }

    private static int indexOf(List<Session> path, long id) {
        for (int i = 0; i < path.size(); i++) {
            if (Objects.equals(path.get(i).id(), id)) {
                return i;
            }
        }
        throw new IllegalStateException("session " + id + " is not in its own cycle");
    }

    private <T> T write(Supplier<T> work) {
        try {
            return Objects.requireNonNull(tx.execute(status -> work.get()));
        } catch (DuplicateKeyException e) {
            throw new SlugTakenException();
        }
    }

    /** library.search: the cycle's public content changed; the index re-reads it after the commit. */
    private void searchChanged(long cycleId) {
        events.publishEvent(new SearchContentChanged("cycle", cycleId));
    }

    private Cycle searchChanged(Cycle cycle) {
        searchChanged(Objects.requireNonNull(cycle.id()));
        return cycle;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}

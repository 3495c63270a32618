package org.parcours.library.bibliography;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.SessionCancelled;
import org.parcours.library.search.SearchContentChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The organisers' API of the bibliography: add, change, delete, reorder and import references. Callers must have
 * checked that the current user is an organiser; the admin controllers do. Each method is one transaction; an
 * import saves all its references or none. Every data is normalised and checked with {@link ReferenceRules}: an
 * invalid reference is an {@link IllegalArgumentException} (callers show {@link #problems} first).
 *
 * <p>After each change is committed, {@link SearchContentChanged} names the cycle, so the search index follows;
 * also when a session is deleted, which takes its references with it (foreign key cascade).
 */
@Service
public class BibliographyEditor {

    public static final String SEARCH_SOURCE = "bibliography";

    private final ReferenceRepository references;
    private final CycleService cycles;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    BibliographyEditor(
            ReferenceRepository references,
            CycleService cycles,
            PlatformTransactionManager transactions,
            Clock clock,
            ApplicationEventPublisher events) {
        this.references = references;
        this.cycles = cycles;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.events = events;
    }

    /** What is wrong with {@code data} once normalised; empty when it can be saved. */
    public List<ReferenceProblem> problems(ReferenceData data) {
        return ReferenceRules.check(ReferenceRules.normalise(data));
    }

    /** A new reference at the end of the owner's bibliography. */
    public Reference add(Owner owner, ReferenceData data) {
        return write(owner.cycleId(), () -> {
            List<Reference> saved = append(owner, List.of(data));
            return saved.get(0);
        });
    }

    /** Every reference, in order, after the owner's existing ones; all or nothing. */
    public int importAll(Owner owner, List<ReferenceData> data) {
        if (data.isEmpty()) {
            return 0;
        }
        return write(owner.cycleId(), () -> append(owner, data).size());
    }

    public Optional<Reference> update(long id, ReferenceData data) {
        ReferenceData clean = valid(data);
        return references
                .findById(id)
                .flatMap(old -> write(
                        old.cycleId(),
                        () -> references
                                .findById(id)
                                .map(current -> references.save(Reference.of(
                                        current.id(), current.owner(), current.position(), clean, now())))));
    }

    /** Deletes a reference and closes the gap in its bibliography. */
    public Optional<Reference> delete(long id) {
        return references
                .findById(id)
                .flatMap(old -> write(
                        old.cycleId(),
                        () -> references.findById(id).map(found -> {
                            references.delete(found);
                            renumber(without(siblings(found), id));
                            return found;
                        })));
    }

    /** Moves a reference one place earlier ({@code -1}) or later ({@code +1}); at either end nothing changes. */
    public Optional<Reference> move(long id, int step) {
        if (step != -1 && step != 1) {
            throw new IllegalArgumentException("step must be -1 or +1");
        }
        return references
                .findById(id)
                .flatMap(old -> write(
                        old.cycleId(),
                        () -> references.findById(id).flatMap(found -> {
                            List<Reference> list = new ArrayList<>(siblings(found));
                            int from = indexOf(list, id);
                            int to = from + step;
                            if (to >= 0 && to < list.size()) {
                                list.add(to, list.remove(from));
                                renumber(list);
                            }
                            return references.findById(id);
                        })));
    }

    /** A deleted session's references went with it (cascade): the search index must forget them. */
    @EventListener
    void sessionCancelled(SessionCancelled event) {
        afterCommit(event.session().cycleId());
    }

    private List<Reference> append(Owner owner, List<ReferenceData> data) {
        if (owner.sessionId() != null
                && cycles.session(owner.sessionId())
                        .filter(s -> s.cycleId() == owner.cycleId())
                        .isEmpty()) {
            throw new IllegalArgumentException("session " + owner.sessionId() + " is not in cycle " + owner.cycleId());
        }
        List<ReferenceData> clean = data.stream().map(BibliographyEditor::valid).toList();
        List<Reference> existing = siblings(owner);
        int position = existing.stream().mapToInt(Reference::position).max().orElse(0);
        OffsetDateTime now = now();
        List<Reference> saved = new ArrayList<>();
        for (ReferenceData d : clean) {
            saved.add(references.save(Reference.of(null, owner, ++position, d, now)));
        }
        return saved;
    }

    private static ReferenceData valid(ReferenceData data) {
        ReferenceData clean = ReferenceRules.normalise(data);
        List<ReferenceProblem> problems = ReferenceRules.check(clean);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid reference: " + problems);
        }
        return clean;
    }

    private List<Reference> siblings(Reference r) {
        return siblings(r.owner());
    }

    private List<Reference> siblings(Owner owner) {
        List<Reference> found = owner.sessionId() == null
                ? references.findByCycleIdAndSessionIdIsNullOrderByPosition(owner.cycleId())
                : references.findByCycleIdAndSessionIdOrderByPosition(owner.cycleId(), owner.sessionId());
        return found.stream().sorted(Bibliography.ORDER).toList();
    }

    private static List<Reference> without(List<Reference> list, long id) {
        return list.stream().filter(r -> !Objects.equals(r.id(), id)).toList();
    }

    /** Positions 1..n in list order; only rows whose position changes are written. */
    private void renumber(List<Reference> list) {
        OffsetDateTime now = now();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).position() != i + 1) {
                references.save(list.get(i).at(i + 1, now));
            }
        }
    }

    private static int indexOf(List<Reference> list, long id) {
        for (int i = 0; i < list.size(); i++) {
            if (Objects.equals(list.get(i).id(), id)) {
                return i;
            }
        }
        throw new IllegalStateException("reference " + id + " is not in its own bibliography");
    }

    private <T> T write(long cycleId, Supplier<T> work) {
        T result = Objects.requireNonNull(tx.execute(status -> {
            T done = work.get();
            afterCommit(cycleId);
            return done;
        }));
        return result;
    }

    /** Publishes the change once the surrounding transaction commits (at once when there is none). */
    private void afterCommit(long cycleId) {
        SearchContentChanged changed = new SearchContentChanged(SEARCH_SOURCE, cycleId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    events.publishEvent(changed);
                }
            });
        } else {
            events.publishEvent(changed);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}

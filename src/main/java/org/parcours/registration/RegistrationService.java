package org.parcours.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.parcours.account.Participants;
import org.parcours.account.Person;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.parcours.cycle.SessionStatus;
import org.parcours.registration.RegistrationRefusedException.Reason;
import org.springframework.stereotype.Service;

/**
 * The participants' API of registration: register for a whole cycle or chosen sessions, see one's registrations,
 * cancel. Every method is one transaction (joined if the caller has one), so a registration, its seats and its
 * e-mails are stored together or not at all. The seat rules live in {@link SeatEngine} and are described in
 * {@code docs/registration.md}.
 */
@Service
public class RegistrationService {

    private final CycleService cycles;
    private final Participants participants;
    private final RegistrationStore store;
    private final SeatCounters counters;
    private final SeatEngine engine;
    private final RegistrationMails mails;
    private final CancelLinks links;
    private final Retrying retrying;
    private final RegistrationSettings settings;
    private final Clock clock;

    RegistrationService(
            CycleService cycles,
            Participants participants,
            RegistrationStore store,
            SeatCounters counters,
            SeatEngine engine,
            RegistrationMails mails,
            CancelLinks links,
            Retrying retrying,
            RegistrationSettings settings,
            Clock clock) {
        this.cycles = cycles;
        this.participants = participants;
        this.store = store;
        this.counters = counters;
        this.engine = engine;
        this.mails = mails;
        this.links = links;
        this.retrying = retrying;
        this.settings = settings;
        this.clock = clock;
    }

    /** Who registers: found by address, created as a participant if unknown (name and language then kept). */
    public record Registrant(String name, String email, Locale locale) {}

    /**
     * @param wholeCycle all the cycle's sessions still to come, and those added later; else {@code sessionIds}
     * @param wantsConference asks for a conference seat if one is free, or else a place on the waitlist
     */
    public record Request(
            long cycleId, Registrant registrant, boolean wholeCycle, Set<Long> sessionIds, boolean wantsConference) {

        public Request {
            sessionIds = Set.copyOf(sessionIds);
        }
    }

    /**
     * @param seats the sessions of the request with the person's registration for each, in path order (waitlist
     *     positions not computed: 0)
     * @param changed false when the request changed nothing (it was already done)
     */
    public record Outcome(Person person, Cycle cycle, List<SessionSeat> seats, boolean changed) {}

    /**
     * Registers a person. Repeating a request changes nothing and sends nothing. One confirmation lists the
     * sessions of the request when any of them is new; a registered person who now asks for a conference seat gets a
     * promotion or waitlist notice instead.
     *
     * @throws RegistrationRefusedException for a draft or unknown cycle, or a session that is not to come
     */
    public Outcome register(Request request) {
        try {
            return registerOnce(request);
        } catch (CountersMissing missing) {
            // First registrations of these sessions on this node: create their seat counters, each in its own
            // short transaction, so that concurrent first registrations do not all wait on one uncommitted insert.
            for (Session session : missing.sessions()) {
                long id = Objects.requireNonNull(session.id());
                retrying.inTransaction(() -> {
                    counters.ensure(id, session.seatCap());
                    return true;
                });
                counters.remember(id);
            }
            return registerOnce(request);
        }
    }

    /** Thrown (and the transaction rolled back, nothing done) when seat counters must be created first. */
    private static final class CountersMissing extends RuntimeException {
        private final transient List<Session> sessions;

        CountersMissing(List<Session> sessions) {
            super(null, null, false, false);
            this.sessions = sessions;
        }

        List<Session> sessions() {
            return sessions;
        }
    }

    private Outcome registerOnce(Request request) {
        return retrying.inTransaction(() -> {
            Plan plan = plan(request);
            Cycle cycle = plan.cycle();
            List<Session> targets = plan.targets();
            if (request.wantsConference()) {
                List<Session> missing = targets.stream()
                        .filter(t -> !counters.known(Objects.requireNonNull(t.id())))
                        .toList();
                if (!missing.isEmpty()) {
                    throw new CountersMissing(missing);
                }
            }
            Registrant who = request.registrant();
            Person person = participants.findOrCreate(who.name(), who.email(), who.locale());
            long personId = Objects.requireNonNull(person.id());
            Long cycleRegistration = request.wholeCycle()
                    ? store.upsertCycleRegistration(cycle.id(), personId, request.wantsConference(), engine.now())
                            .id()
                    : null;
            List<SeatEngine.Result> results = new ArrayList<>();
            for (Session session : targets) {
                results.add(engine.register(session, personId, cycleRegistration, request.wantsConference()));
            }
            List<SessionSeat> seats = inPathOrder(targets, results);
            notify(person, cycle, seats, results, false);
            boolean changed = results.stream().anyMatch(r -> r.change() != SeatEngine.Change.NONE);
            return new Outcome(person, cycle, seats, changed);
        });
    }

    /**
     * Registers the people registered for the whole cycle for a session just added to it, oldest cycle
     * registration first (so they get the free seats in that order), and mails each a confirmation. Runs in the
     * transaction that adds the session.
     */
    void registerCycleRegistrants(Session session) {
        if (session.statusAt(clock.instant()) != SessionStatus.UPCOMING) {
            return;
        }
        Cycle cycle = cycles.cycle(session.cycleId()).orElseThrow();
        for (RegistrationStore.CycleRegistration cr : store.activeCycleRegistrations(cycle.id())) {
            SeatEngine.Result result = engine.register(session, cr.personId(), cr.id(), cr.wantsConference());
            Person person = participants.find(cr.personId()).orElse(null);
            if (person != null) {
                notify(person, cycle, List.of(engine.seatOf(result.registration(), session)), List.of(result), true);
            }
        }
    }

    private void notify(
            Person person, Cycle cycle, List<SessionSeat> seats, List<SeatEngine.Result> results, boolean added) {
        Optional<Registration> firstNew = results.stream()
                .filter(r -> r.change() == SeatEngine.Change.NEW)
                .map(SeatEngine.Result::registration)
                .min(Comparator.comparingLong(Registration::id));
        if (firstNew.isPresent()) {
            mails.confirmation(person, cycle, seats, firstNew.get(), added);
            return;
        }
        for (SeatEngine.Result result : results) {
            if (result.change() != SeatEngine.Change.UPGRADED) {
                continue;
            }
            SessionSeat seat = seats.stream()
                    .filter(s -> s.registration().id() == result.registration().id())
                    .findFirst()
                    .orElseThrow();
            if (seat.seated()) {
                mails.promoted(seat);
            } else {
                mails.waitlisted(engine.seatOf(seat.registration(), seat.session()));
            }
        }
    }

    private record Plan(Cycle cycle, List<Session> targets) {}

    private Plan plan(Request request) {
        Cycle cycle = cycles.cycle(request.cycleId())
                .filter(Cycle::published)
                .orElseThrow(() -> new RegistrationRefusedException(Reason.CYCLE_NOT_OPEN));
        return new Plan(cycle, targets(cycle, request, clock.instant()));
    }

    private List<Session> targets(Cycle cycle, Request request, Instant now) {
        List<Session> targets;
        if (request.wholeCycle()) {
            targets = cycles.sessions(cycle.id()).stream()
                    .filter(s -> s.statusAt(now) == SessionStatus.UPCOMING)
                    .toList();
            if (targets.isEmpty()) {
                throw new RegistrationRefusedException(Reason.NOTHING_UPCOMING);
            }
        } else {
            if (request.sessionIds().isEmpty()) {
                throw new RegistrationRefusedException(Reason.NO_SESSION_CHOSEN);
            }
            targets = new ArrayList<>();
            for (Long id : request.sessionIds()) {
                Session session = cycles.session(id)
                        .filter(s -> s.cycleId().equals(cycle.id()))
                        .orElse(null);
                if (session == null) {
                    throw new RegistrationRefusedException(Reason.SESSION_UNKNOWN);
                }
                if (session.statusAt(now) != SessionStatus.UPCOMING) {
                    throw new RegistrationRefusedException(Reason.SESSION_STARTED);
                }
                targets.add(session);
            }
        }
        // Seat counters are always locked in session id order, so two registrations never deadlock.
        return targets.stream()
                .sorted(Comparator.comparingLong(s -> Objects.requireNonNull(s.id())))
                .toList();
    }

    /**
     * The seats of a request. Waitlist positions are left at 0 here: counting the people ahead costs a scan of the
     * waitlist in the registering transaction, and the number would be out of date soon anyway; pages read them
     * when they are shown ({@link #registrationsOf}).
     */
    private List<SessionSeat> inPathOrder(List<Session> sessions, List<SeatEngine.Result> results) {
        List<SessionSeat> seats = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            seats.add(new SessionSeat(sessions.get(i), results.get(i).registration(), 0));
        }
        seats.sort(Comparator.comparingInt(s -> s.session().position()));
        return List.copyOf(seats);
    }

    // ---- reading

    /** Conference seats of a session at a glance, for its public page. */
    public record SeatCounts(int cap, int seated, int free, int waitlisted, int stream, boolean frozen) {}

    public SeatCounts counts(Session session) {
        long id = Objects.requireNonNull(session.id());
        RegistrationStore.Counts counts = store.counts(id);
        int cap = counters.find(id).map(SeatCounters.Counter::wantedCap).orElse(session.seatCap());
        int free = counters.find(id)
                .map(SeatCounters.Counter::free)
                .orElse(Math.max(0, session.seatCap() - counts.seated()));
        return new SeatCounts(
                cap,
                counts.seated(),
                free,
                counts.waitlisted(),
                counts.stream(),
                settings.frozen(session, clock.instant()));
    }

    /** A person's registrations in one cycle, in path order. */
    public record CycleSeats(Cycle cycle, boolean wholeCycle, List<SessionSeat> seats) {}

    /** A person's active registrations, grouped by cycle (cycles by their first session). */
    public List<CycleSeats> registrationsOf(long personId) {
        Map<Long, List<SessionSeat>> byCycle = new LinkedHashMap<>();
        for (Registration r : store.byPerson(personId)) {
            if (!r.active()) {
                continue;
            }
            cycles.session(r.sessionId())
                    .ifPresent(s -> byCycle.computeIfAbsent(s.cycleId(), k -> new ArrayList<>())
                            .add(engine.seatOf(r, s)));
        }
        List<CycleSeats> result = new ArrayList<>();
        byCycle.forEach((cycleId, seats) -> cycles.cycle(cycleId).ifPresent(cycle -> {
            seats.sort(Comparator.comparingInt(s -> s.session().position()));
            boolean whole = store.findCycleRegistration(cycleId, personId)
                    .map(RegistrationStore.CycleRegistration::active)
                    .orElse(false);
            result.add(new CycleSeats(cycle, whole, List.copyOf(seats)));
        }));
        result.sort(Comparator.comparing(c -> c.seats().getFirst().session().startsAt()));
        return result;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Whether the join links of a session are shown now. */
    public boolean joinOpen(Session session) {
        return settings.joinOpen(session, clock.instant());
    }

    // ---- cancelling

    /** What a cancel link or button would cancel, or why it cannot. */
    public sealed interface CancelPreview {
        record Possible(Person person, Cycle cycle, List<SessionSeat> seats, boolean wholeCycle)
                implements CancelPreview {}

        /** Everything it names is already cancelled. */
        record AlreadyCancelled(@Nullable Cycle cycle) implements CancelPreview {}

        /** The sessions it names have started: too late to cancel. */
        record Started(Cycle cycle) implements CancelPreview {}

        /** The link belongs to an earlier registration, cancelled and then taken up again. */
        record Outdated(Cycle cycle) implements CancelPreview {}

        /** Nothing it names exists (any more). */
        record Unknown() implements CancelPreview {}
    }

    public CancelPreview preview(CancelLinks.Target target) {
        return retrying.inTransaction(() -> cancellable(target, false));
    }

    /** Cancels what the target names (registrations of sessions not started) and mails a confirmation. */
    public CancelPreview cancel(CancelLinks.Target target) {
        return retrying.inTransaction(() -> {
            CancelPreview preview = cancellable(target, true);
            if (!(preview instanceof CancelPreview.Possible p)) {
                return preview;
            }
            List<SessionSeat> cancelled = new ArrayList<>();
            for (SessionSeat seat : p.seats()) {
                cancelled.add(engine.seatOf(engine.cancel(seat.registration(), seat.session()), seat.session()));
            }
            if (p.wholeCycle()) {
                store.lockCycleRegistration(p.cycle().id(), p.person().id())
                        .ifPresent(cr -> store.cancelCycleRegistration(cr.id(), engine.now()));
            }
            if (!cancelled.isEmpty()) {
                mails.cancelled(p.person(), p.cycle(), cancelled, false);
            }
            return new CancelPreview.Possible(p.person(), p.cycle(), cancelled, p.wholeCycle());
        });
    }

    /** My space: cancel one of my registrations (an id of someone else's is {@link CancelPreview.Unknown}). */
    public CancelPreview cancelMine(long personId, long registrationId) {
        Registration r =
                store.find(registrationId).filter(x -> x.personId() == personId).orElse(null);
        return r == null ? new CancelPreview.Unknown() : cancel(new CancelLinks.One(r.id(), r.activation()));
    }

    /** Locks and reads what a target names; with {@code forUpdate} the rows stay locked for the cancel. */
    private CancelPreview cancellable(CancelLinks.Target target, boolean forUpdate) {
        Instant now = clock.instant();
        return switch (target) {
            case CancelLinks.One one -> {
                Registration r =
                        (forUpdate ? store.lock(one.registrationId()) : store.find(one.registrationId())).orElse(null);
                Session session =
                        r == null ? null : cycles.session(r.sessionId()).orElse(null);
                Cycle cycle =
                        session == null ? null : cycles.cycle(session.cycleId()).orElse(null);
                Person person =
                        r == null ? null : participants.find(r.personId()).orElse(null);
                if (r == null || session == null || cycle == null || person == null) {
                    yield new CancelPreview.Unknown();
                }
                if (r.activation() != one.activation()) {
                    yield new CancelPreview.Outdated(cycle);
                }
                if (!r.active()) {
                    yield new CancelPreview.AlreadyCancelled(cycle);
                }
                if (session.statusAt(now) != SessionStatus.UPCOMING) {
                    yield new CancelPreview.Started(cycle);
                }
                yield new CancelPreview.Possible(person, cycle, List.of(engine.seatOf(r, session)), false);
            }
            case CancelLinks.All all -> {
                Cycle cycle = cycles.cycle(all.cycleId()).orElse(null);
                Person person = participants.find(all.personId()).orElse(null);
                if (cycle == null || person == null) {
                    yield new CancelPreview.Unknown();
                }
                List<Session> upcoming = cycles.sessions(cycle.id()).stream()
                        .filter(s -> s.statusAt(now) == SessionStatus.UPCOMING)
                        .toList();
                Map<Long, Session> byId = upcoming.stream().collect(Collectors.toMap(Session::id, Function.identity()));
                List<Registration> active = forUpdate
                        ? store.lockActive(all.personId(), byId.keySet())
                        : store.byPerson(all.personId()).stream()
                                .filter(r -> r.active() && byId.containsKey(r.sessionId()))
                                .toList();
                boolean whole = store.findCycleRegistration(cycle.id(), all.personId())
                        .map(RegistrationStore.CycleRegistration::active)
                        .orElse(false);
                if (active.isEmpty() && !whole) {
                    // Nothing left to cancel: already done, unless all that is left has started.
                    List<Registration> mine = store.byPerson(all.personId()).stream()
                            .filter(r -> cycles.session(r.sessionId())
                                    .map(s -> s.cycleId() == cycle.id())
                                    .orElse(false))
                            .toList();
                    boolean cancelledUpcoming =
                            mine.stream().anyMatch(r -> !r.active() && byId.containsKey(r.sessionId()));
                    boolean activeStarted = mine.stream().anyMatch(Registration::active);
                    yield activeStarted && !cancelledUpcoming
                            ? new CancelPreview.Started(cycle)
                            : new CancelPreview.AlreadyCancelled(cycle);
                }
                List<SessionSeat> seats = active.stream()
                        .map(r -> engine.seatOf(r, byId.get(r.sessionId())))
                        .sorted(Comparator.comparingInt(s -> s.session().position()))
                        .toList();
                yield new CancelPreview.Possible(person, cycle, seats, whole);
            }
        };
    }

    /**
     * Releases everything a person holds, promoting the waitlist where they had seats; no e-mail to them. Called
     * while the person is being erased.
     */
    void releaseAll(long personId) {
        List<Registration> active =
                store.byPerson(personId).stream().filter(Registration::active).toList();
        List<Long> sessionIds = active.stream().map(Registration::sessionId).toList();
        for (Registration r : store.lockActive(personId, sessionIds)) {
            cycles.session(r.sessionId()).ifPresent(s -> engine.cancel(r, s));
        }
        for (RegistrationStore.CycleRegistration cr : store.cycleRegistrationsOf(personId)) {
            store.cancelCycleRegistration(cr.id(), engine.now());
        }
    }
}

package org.parcours.registration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.parcours.account.Participants;
import org.parcours.account.Person;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.springframework.stereotype.Service;

/**
 * The organisers' API of registration: who is registered where, hand changes to seats (promote, move to a stream
 * seat, remove) and messages to all registrants. Callers must have checked that the current user is an organiser;
 * the admin controllers do. Hand changes follow the same database rules as everything else (a seat is given only
 * if one is free) but ignore the freeze: an organiser may still arrange seats at the last minute.
 */
@Service
public class RegistrationAdmin {

    private final CycleService cycles;
    private final Participants participants;
    private final RegistrationStore store;
    private final SeatEngine engine;
    private final RegistrationService registrations;
    private final RegistrationMails mails;
    private final Retrying retrying;

    RegistrationAdmin(
            CycleService cycles,
            Participants participants,
            RegistrationStore store,
            SeatEngine engine,
            RegistrationService registrations,
            RegistrationMails mails,
            Retrying retrying) {
        this.cycles = cycles;
        this.participants = participants;
        this.store = store;
        this.engine = engine;
        this.registrations = registrations;
        this.mails = mails;
        this.retrying = retrying;
    }

    /**
     * One registrant of a session.
     *
     * @param person absent only if the person row is gone
     * @param waitlistPosition 1 for the first on the waitlist, 0 when not waitlisted
     */
    public record Row(Registration registration, @Nullable Person person, int waitlistPosition) {
        public SeatState state() {
            return SeatState.of(registration);
        }
    }

    public record SessionRoster(Cycle cycle, Session session, RegistrationService.SeatCounts counts, List<Row> rows) {}

    public record CycleRoster(Cycle cycle, int wholeCycleRegistrants, List<SessionRoster> sessions) {}

    public Optional<SessionRoster> session(long sessionId) {
        return cycles.session(sessionId)
                .flatMap(session ->
                        cycles.cycle(session.cycleId()).map(cycle -> roster(cycle, session, new HashMap<>())));
    }

    public Optional<CycleRoster> cycle(long cycleId) {
        return cycles.cycle(cycleId).map(cycle -> {
            Map<Long, Optional<Person>> people = new HashMap<>();
            List<SessionRoster> sessions = cycles.sessions(cycleId).stream()
                    .map(s -> roster(cycle, s, people))
                    .toList();
            return new CycleRoster(
                    cycle, store.activeCycleRegistrations(cycleId).size(), sessions);
        });
    }

    private SessionRoster roster(Cycle cycle, Session session, Map<Long, Optional<Person>> people) {
        List<Row> rows = new ArrayList<>();
        int position = 0;
        for (Registration r : store.activeBySession(Objects.requireNonNull(session.id()))) {
            Person person =
                    people.computeIfAbsent(r.personId(), participants::find).orElse(null);
            rows.add(new Row(r, person, r.waitlisted() ? ++position : 0));
        }
        return new SessionRoster(cycle, session, registrations.counts(session), List.copyOf(rows));
    }

    public enum Result {
        DONE,
        /** No conference seat is free: move someone to a stream seat or raise the cap first. */
        NO_FREE_SEAT,
        /** The registration is not in a state this action applies to (e.g. already seated, cancelled). */
        NOT_APPLICABLE,
        UNKNOWN
    }

    /** Gives a conference seat to someone on a stream seat, if one is free; they are told by e-mail. */
    public Result promote(long registrationId) {
        return act(registrationId, (r, s) -> {
            if (!r.active() || r.seat() == Seat.CONFERENCE) {
                return Result.NOT_APPLICABLE;
            }
            return engine.seat(r, s) ? Result.DONE : Result.NO_FREE_SEAT;
        });
    }

    /** Moves a seated person to a stream seat; they are told, and the seat goes to the waitlist. */
    public Result moveToStream(long registrationId) {
        return act(registrationId, (r, s) -> engine.toStream(r, s) ? Result.DONE : Result.NOT_APPLICABLE);
    }

    /** Cancels a registration; the person is told, and a freed seat goes to the waitlist. */
    public Result remove(long registrationId) {
        return act(registrationId, (r, s) -> {
            if (!r.active()) {
                return Result.NOT_APPLICABLE;
            }
            Registration cancelled = engine.cancel(r, s);
            Cycle cycle = cycles.cycle(s.cycleId()).orElseThrow();
            participants
                    .find(r.personId())
                    .ifPresent(p -> mails.cancelled(p, cycle, List.of(engine.seatOf(cancelled, s)), true));
            return Result.DONE;
        });
    }

    /** The session of a registration (to go back to its list). */
    public Optional<Long> sessionOf(long registrationId) {
        return store.find(registrationId).map(Registration::sessionId);
    }

    private interface Action {
        Result apply(Registration locked, Session session);
    }

    private Result act(long registrationId, Action action) {
        return retrying.inTransaction(() -> {
            Registration r = store.lock(registrationId).orElse(null);
            Session s = r == null ? null : cycles.session(r.sessionId()).orElse(null);
            return r == null || s == null ? Result.UNKNOWN : action.apply(r, s);
        });
    }

    /**
     * Mails an organiser's message (Markdown body) to every person registered for the session. Sending the same
     * {@code messageId} again sends nothing more.
     *
     * @return how many people the message is for
     */
    public int messageSession(long sessionId, String messageId, String subject, String body) {
        Session session = cycles.session(sessionId).orElseThrow();
        Cycle cycle = cycles.cycle(session.cycleId()).orElseThrow();
        Set<Long> people = new LinkedHashSet<>();
        store.activeBySession(sessionId).forEach(r -> people.add(r.personId()));
        return send(people, messageId, subject, body, session.title(), sessionPath(cycle, session));
    }

    /** Like {@link #messageSession} for everyone registered for the cycle or any of its sessions. */
    public int messageCycle(long cycleId, String messageId, String subject, String body) {
        Cycle cycle = cycles.cycle(cycleId).orElseThrow();
        Set<Long> people = new LinkedHashSet<>();
        store.activeCycleRegistrations(cycleId).forEach(cr -> people.add(cr.personId()));
        List<Long> sessionIds =
                cycles.sessions(cycleId).stream().map(Session::id).toList();
        store.activeBySessions(sessionIds).forEach(r -> people.add(r.personId()));
        return send(people, messageId, subject, body, cycle.title(), "/cycles/" + cycle.slug());
    }

    private int send(Set<Long> people, String messageId, String subject, String body, String title, String path) {
        return retrying.inTransaction(() -> {
            int count = 0;
            for (Long id : people) {
                Optional<Person> person = participants.find(id);
                if (person.isPresent()) {
                    mails.message(person.get(), messageId, subject, body, title, path);
                    count++;
                }
            }
            return count;
        });
    }

    private static String sessionPath(Cycle cycle, Session session) {
        return "/cycles/" + cycle.slug() + "/sessions/" + session.slug();
    }
}

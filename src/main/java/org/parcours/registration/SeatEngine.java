package org.parcours.registration;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Session;
import org.springframework.stereotype.Component;

/**
 * The seat rules of one session, applied inside the caller's transaction: first come, first served conference
 * seats (through {@link SeatCounters}), stream seats for everyone else, the waitlist and its promotions, and the
 * freeze before the start. Promotion e-mails are queued here, because every path that frees a seat promotes.
 */
@Component
class SeatEngine {

    /** How many times a promotion looks again at the waitlist when the people it found left meanwhile. */
    private static final int MAX_PROMOTION_ROUNDS = 1000;

    private final RegistrationStore store;
    private final SeatCounters counters;
    private final RegistrationMails mails;
    private final RegistrationSettings settings;
    private final Clock clock;

    SeatEngine(
            RegistrationStore store,
            SeatCounters counters,
            RegistrationMails mails,
            RegistrationSettings settings,
            Clock clock) {
        this.store = store;
        this.counters = counters;
        this.mails = mails;
        this.settings = settings;
        this.clock = clock;
    }

    enum Change {
        /** A new registration, or a cancelled one taken up again. */
        NEW,
        /** An active stream registration that now asked for a conference seat (seated or waitlisted). */
        UPGRADED,
        NONE
    }

    record Result(Registration registration, Change change) {}

    /**
     * Registers a person for a session, or leaves an existing active registration as it is (idempotent). With
     * {@code wantsConference} and seats not frozen, a free conference seat is taken, or else the person joins the
     * waitlist; otherwise the person gets a stream seat.
     */
    Result register(Session session, long personId, @Nullable Long cycleRegistrationId, boolean wantsConference) {
        OffsetDateTime now = now();
        boolean frozen = settings.frozen(session, clock.instant());
        boolean asking = wantsConference && !frozen;
        // New registrations (the common case) are written once, with their seat: the seat is claimed first.
        boolean claimed = asking && counters.claim(session.id(), session.seatCap());
        Optional<Registration> created = store.insert(
                session.id(),
                personId,
                cycleRegistrationId,
                claimed ? Seat.CONFERENCE : Seat.STREAM,
                asking && !claimed,
                now);
        if (created.isPresent()) {
            return new Result(created.get(), Change.NEW);
        }
        if (claimed) {
            // The person already has a row for this session: give the seat back, then look at that row.
            counters.release(session.id());
        }
        Registration existing = store.lock(session.id(), personId).orElseThrow();
        long id = existing.id();
        Change change;
        if (!existing.active()) {
            store.reactivate(id, cycleRegistrationId, now);
            change = Change.NEW;
        } else {
            if (cycleRegistrationId != null && existing.cycleRegistrationId() == null) {
                store.linkToCycleRegistration(id, cycleRegistrationId);
            }
            if (!asking || existing.seat() != Seat.STREAM || existing.waitlisted()) {
                return new Result(existing, Change.NONE);
            }
            change = Change.UPGRADED;
        }
        if (asking) {
            if (counters.claim(session.id(), session.seatCap())) {
                store.toConference(id, now);
            } else {
                store.waitlist(id, now);
            }
        }
        return new Result(store.find(id).orElseThrow(), change);
    }

    /**
     * Cancels an active registration the caller has locked; a conference seat is freed and goes to the first
     * person on the waitlist (unless seats are frozen).
     *
     * @return the registration as it is now
     */
    Registration cancel(Registration locked, Session session) {
        if (store.cancel(locked.id(), now()) && locked.seat() == Seat.CONFERENCE) {
            counters.release(session.id());
            promoteWaitlist(session);
        }
        return store.find(locked.id()).orElseThrow();
    }

    /**
     * An organiser gives a conference seat to someone on a stream seat (waitlisted or not). Allowed even when seats
     * are frozen; refused when no seat is free.
     */
    boolean seat(Registration locked, Session session) {
        if (!locked.active() || locked.seat() == Seat.CONFERENCE) {
            return false;
        }
        if (!counters.claim(session.id(), session.seatCap())) {
            return false;
        }
        if (!store.toConference(locked.id(), now())) {
            counters.release(session.id());
            return false;
        }
        mails.promoted(seatOf(store.find(locked.id()).orElseThrow(), session));
        return true;
    }

    /** An organiser moves a seated person to a stream seat; the seat goes to the waitlist. */
    boolean toStream(Registration locked, Session session) {
        if (!locked.seated() || !store.toStream(locked.id(), now())) {
            return false;
        }
        counters.release(session.id());
        mails.movedToStream(seatOf(store.find(locked.id()).orElseThrow(), session));
        promoteWaitlist(session);
        return true;
    }

    /**
     * Gives free seats to the waitlist, first come first served, each promoted person being told by e-mail. Does
     * nothing once seats are frozen. Two promoters of one session never both promote someone: each claims a seat
     * (which locks the counter row) before promoting with a conditional update.
     *
     * @return the promoted registrations
     */
    List<Registration> promoteWaitlist(Session session) {
        List<Registration> promoted = new ArrayList<>();
        if (settings.frozen(session, clock.instant())) {
            return promoted;
        }
        for (int round = 0; round < MAX_PROMOTION_ROUNDS; round++) {
            List<Long> waiting = store.firstWaitlisted(session.id(), 10);
            if (waiting.isEmpty() || !counters.claim(session.id(), session.seatCap())) {
                break;
            }
            Registration winner = null;
            for (Long candidate : waiting) {
                if (store.promote(candidate, now())) {
                    winner = store.find(candidate).orElseThrow();
                    break;
                }
            }
            if (winner == null) {
                // Everyone we saw left the waitlist meanwhile: give the seat back and look again.
                counters.release(session.id());
                continue;
            }
            promoted.add(winner);
            mails.promoted(seatOf(winner, session));
        }
        return promoted;
    }

    /** Applies a new cap from the organiser and promotes waiting people into the seats it opens. */
    void changeCap(Session session, int cap) {
        counters.changeCap(session.id(), cap);
        promoteWaitlist(session);
    }

    SessionSeat seatOf(Registration registration, Session session) {
        return new SessionSeat(session, registration, store.waitlistPosition(registration));
    }

    OffsetDateTime now() {
        // Databases keep microseconds; rows read back then equal what was written.
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}

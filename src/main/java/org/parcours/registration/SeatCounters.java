package org.parcours.registration;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The conference seats of each session, one {@code seat_counter} row per session, created on first use from the
 * session's cap. The database enforces {@code seats_taken <= seat_cap}; a seat is taken with one conditional UPDATE
 * whose count says whether it worked, so concurrent registrations can never over-book (STACK-NOTES §3). The UPDATE
 * also locks the row until the transaction ends, which serialises everything that changes the seats of one
 * session: releases and promotions never race each other.
 *
 * <p>{@code wanted_cap} is the organiser's cap; {@code seat_cap} is {@code max(wanted_cap, seats_taken)}, so a cap
 * lowered below the seats already given evicts nobody and shrinks back as seats are freed.
 */
@Repository
class SeatCounters {

    private final JdbcClient jdbc;
    /** Sessions whose counter is known to exist (committed); counters are only ever deleted with their session. */
    private final Set<Long> known = ConcurrentHashMap.newKeySet();

    SeatCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes one seat if one is free; {@code cap} is the session's cap, used if the counter does not exist yet. */
    boolean claim(long sessionId, int cap) {
        if (tryClaim(sessionId)) {
            return true;
        }
        if (known.contains(sessionId) || exists(sessionId)) {
            return false;
        }
        create(sessionId, cap);
        return tryClaim(sessionId);
    }

    private boolean tryClaim(long sessionId) {
        return jdbc.sql("""
                        update seat_counter set seats_taken = seats_taken + 1
                        where session_id = :session and seats_taken < seat_cap""").param("session", sessionId).update() == 1;
    }

    /** Gives a seat back; the limit shrinks towards the wanted cap if the organiser lowered it. */
    void release(long sessionId) {
        jdbc.sql("""
                        update seat_counter set seats_taken = seats_taken - 1,
                            seat_cap = case when seats_taken - 1 > coalesce(wanted_cap, seat_cap) then seats_taken - 1
                                            else coalesce(wanted_cap, seat_cap) end
                        where session_id = :session and seats_taken > 0""").param("session", sessionId).update();
    }

    /** The organiser changed the cap: never below the seats already taken. Locks the row. */
    void changeCap(long sessionId, int cap) {
        create(sessionId, cap);
        jdbc.sql("""
                        update seat_counter set wanted_cap = :cap,
                            seat_cap = case when seats_taken > :cap then seats_taken else :cap end
                        where session_id = :session""").param("session", sessionId).param("cap", cap).update();
    }

    /** Seats taken and the cap in force, if the counter exists. */
    Optional<Counter> find(long sessionId) {
        return jdbc.sql("""
                        select seats_taken, seat_cap, coalesce(wanted_cap, seat_cap) as wanted_cap
                        from seat_counter where session_id = :session""")
                .param("session", sessionId)
                .query((rs, n) -> new Counter(rs.getInt("seats_taken"), rs.getInt("seat_cap"), rs.getInt("wanted_cap")))
                .optional();
    }

    record Counter(int taken, int cap, int wantedCap) {

        int free() {
            return Math.max(0, Math.min(cap, wantedCap) - taken);
        }
    }

    private boolean exists(long sessionId) {
        return jdbc.sql("select count(*) from seat_counter where session_id = :session")
                        .param("session", sessionId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * Creates the counter if it does not exist, in the caller's (short) transaction. Registration calls it before its
     * own transaction, so that concurrent first registrations do not all wait on one uncommitted insert.
     */
    void ensure(long sessionId, int cap) {
        if (!exists(sessionId)) {
            create(sessionId, cap);
        }
    }

    boolean known(long sessionId) {
        return known.contains(sessionId);
    }

    /** Call once {@link #ensure} has committed. */
    void remember(long sessionId) {
        known.add(sessionId);
    }

    /** Race-safe: of two first registrations, one creates the row and the other's insert does nothing. */
    private void create(long sessionId, int cap) {
        jdbc.sql("""
                        insert into seat_counter (session_id, seat_cap, seats_taken, wanted_cap)
                        values (:session, :cap, 0, :cap)
                        on conflict do nothing""").param("session", sessionId).param("cap", cap).update();
    }
}

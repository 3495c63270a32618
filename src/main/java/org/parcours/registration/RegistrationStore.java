package org.parcours.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL of the {@code registration} and {@code cycle_registration} tables. Every state change is a conditional
 * UPDATE on the expected state whose count the caller checks, so two transactions can never both apply the same
 * change (the second one finds the row no longer in that state once it gets the row lock).
 */
@Repository
class RegistrationStore {

    private static final String COLUMNS = """
            id, session_id, person_id, seat, waitlisted, waitlisted_at, status, cycle_registration_id, created_at,
            updated_at, cancelled_at, activation, revision""";

    private static final RowMapper<Registration> ROW = RegistrationStore::map;

    private final JdbcClient jdbc;

    RegistrationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A new active registration with the given seat, unless the person already has a row for the session ({@code
     * on conflict do nothing} leaves the transaction usable on PostgreSQL).
     *
     * @return the new registration, or empty when a row existed
     */
    Optional<Registration> insert(
            long sessionId,
            long personId,
            @Nullable Long cycleRegistrationId,
            Seat seat,
            boolean waitlisted,
            OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        OffsetDateTime waitlistedAt = waitlisted ? now : null;
        int rows = jdbc.sql("""
                        insert into registration (session_id, person_id, seat, waitlisted, waitlisted_at, status,
                            cycle_registration_id, created_at, updated_at, activation, revision)
                        values (:session, :person, :seat, :waitlisted, :waitlistedAt, 'ACTIVE', :cycleRegistration,
                            :now, :now, 1, 1)
                        on conflict do nothing""")
                .param("session", sessionId)
                .param("person", personId)
                .param("seat", seat.name())
                .param("waitlisted", waitlisted)
                .param("waitlistedAt", waitlistedAt)
                .param("cycleRegistration", cycleRegistrationId)
                .param("now", now)
                .update(keys, "id");
        Number id = keys.getKey();
        if (rows != 1 || id == null) {
            return Optional.empty();
        }
        return Optional.of(new Registration(
                id.longValue(),
                sessionId,
                personId,
                seat,
                waitlisted,
                waitlistedAt,
                RegistrationStatus.ACTIVE,
                cycleRegistrationId,
                now,
                now,
                null,
                1,
                1));
    }

    Optional<Registration> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from registration where id = :id")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    /** The row, locked until the end of the transaction. */
    Optional<Registration> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from registration where id = :id for update")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    Optional<Registration> lock(long sessionId, long personId) {
        return jdbc.sql("select " + COLUMNS
                        + " from registration where session_id = :session and person_id = :person for update")
                .param("session", sessionId)
                .param("person", personId)
                .query(ROW)
                .optional();
    }

    /** A cancelled registration taken up again: active on a stream seat, with a new activation. */
    boolean reactivate(long id, @Nullable Long cycleRegistrationId, OffsetDateTime now) {
        return jdbc.sql("""
                        update registration set status = 'ACTIVE', seat = 'STREAM', waitlisted = false,
                            waitlisted_at = null, cancelled_at = null, cycle_registration_id = :cycleRegistration,
                            created_at = :now, updated_at = :now, activation = activation + 1,
                            revision = revision + 1
                        where id = :id and status = 'CANCELLED'""")
                        .param("id", id)
                        .param("cycleRegistration", cycleRegistrationId)
                        .param("now", now)
                        .update()
                == 1;
    }

    void linkToCycleRegistration(long id, long cycleRegistrationId) {
        jdbc.sql("update registration set cycle_registration_id = :cycleRegistration where id = :id"
                        + " and cycle_registration_id is null")
                .param("id", id)
                .param("cycleRegistration", cycleRegistrationId)
                .update();
    }

    /** Stream (waitlisted or not) → conference seat. The caller holds the seat in the counter. */
    boolean toConference(long id, OffsetDateTime now) {
        return change(
                id,
                "seat = 'CONFERENCE', waitlisted = false, waitlisted_at = null",
                "status = 'ACTIVE' and seat = 'STREAM'",
                now);
    }

    /** A waitlisted person → conference seat; false when they are no longer waiting. */
    boolean promote(long id, OffsetDateTime now) {
        return change(
                id,
                "seat = 'CONFERENCE', waitlisted = false, waitlisted_at = null",
                "status = 'ACTIVE' and waitlisted = true",
                now);
    }

    boolean waitlist(long id, OffsetDateTime now) {
        return change(
                id,
                "waitlisted = true, waitlisted_at = :now",
                "status = 'ACTIVE' and seat = 'STREAM' and waitlisted = false",
                now);
    }

    /** Conference seat → stream seat, off the waitlist. The caller frees the seat in the counter. */
    boolean toStream(long id, OffsetDateTime now) {
        return change(
                id,
                "seat = 'STREAM', waitlisted = false, waitlisted_at = null",
                "status = 'ACTIVE' and seat = 'CONFERENCE'",
                now);
    }

    boolean cancel(long id, OffsetDateTime now) {
        return change(
                id,
                "status = 'CANCELLED', waitlisted = false, waitlisted_at = null, cancelled_at = :now",
                "status = 'ACTIVE'",
                now);
    }

    private boolean change(long id, String set, String expected, OffsetDateTime now) {
        return jdbc.sql("update registration set " + set + ", updated_at = :now, revision = revision + 1"
                                + " where id = :id and " + expected)
                        .param("id", id)
                        .param("now", now)
                        .update()
                == 1;
    }

    /** The first people on the conference waitlist of a session, in promotion order. */
    List<Long> firstWaitlisted(long sessionId, int limit) {
        return jdbc.sql("""
                        select id from registration
                        where session_id = :session and status = 'ACTIVE' and waitlisted = true
                        order by waitlisted_at, id
                        limit :limit""")
                .param("session", sessionId)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /** 1 for the first person on the waitlist; 0 when {@code r} is not waitlisted. */
    int waitlistPosition(Registration r) {
        if (!r.active() || !r.waitlisted() || r.waitlistedAt() == null) {
            return 0;
        }
        Integer ahead = jdbc.sql("""
                        select count(*) from registration
                        where session_id = :session and status = 'ACTIVE' and waitlisted = true
                          and (waitlisted_at < :at or (waitlisted_at = :at and id < :id))""")
                .param("session", r.sessionId())
                .param("at", r.waitlistedAt())
                .param("id", r.id())
                .query(Integer.class)
                .single();
        return ahead + 1;
    }

    /** Active registrations of a session: seated first, then the waitlist in order, then stream seats. */
    List<Registration> activeBySession(long sessionId) {
        return jdbc.sql("select " + COLUMNS + """
                         from registration where session_id = :session and status = 'ACTIVE'
                        order by case when seat = 'CONFERENCE' then 0 when waitlisted then 1 else 2 end,
                            waitlisted_at, id""")
                .param("session", sessionId)
                .query(ROW)
                .list();
    }

    List<Registration> activeBySessions(Collection<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + """
                         from registration where session_id in (:sessions) and status = 'ACTIVE'
                        order by session_id, case when seat = 'CONFERENCE' then 0 when waitlisted then 1 else 2 end,
                            waitlisted_at, id""")
                .param("sessions", sessionIds)
                .query(ROW)
                .list();
    }

    /** Every registration of a person, cancelled ones included, oldest first. */
    List<Registration> byPerson(long personId) {
        return jdbc.sql("select " + COLUMNS + " from registration where person_id = :person order by session_id")
                .param("person", personId)
                .query(ROW)
                .list();
    }

    /** Active registrations of a person, in session id order (the lock order), locked. */
    List<Registration> lockActive(long personId, Collection<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + """
                         from registration
                        where person_id = :person and session_id in (:sessions) and status = 'ACTIVE'
                        order by session_id for update""")
                .param("person", personId)
                .param("sessions", sessionIds)
                .query(ROW)
                .list();
    }

    /** Seated, waitlisted and stream counts of the active registrations of a session. */
    Counts counts(long sessionId) {
        return jdbc.sql("""
                        select
                            coalesce(sum(case when seat = 'CONFERENCE' then 1 else 0 end), 0) as seated,
                            coalesce(sum(case when seat = 'STREAM' and waitlisted then 1 else 0 end), 0) as waitlisted,
                            coalesce(sum(case when seat = 'STREAM' and not waitlisted then 1 else 0 end), 0) as stream
                        from registration where session_id = :session and status = 'ACTIVE'""")
                .param("session", sessionId)
                .query((rs, n) -> new Counts(rs.getInt("seated"), rs.getInt("waitlisted"), rs.getInt("stream")))
                .single();
    }

    record Counts(int seated, int waitlisted, int stream) {}

    // ---- registrations for a whole cycle

    record CycleRegistration(
            long id,
            long cycleId,
            long personId,
            boolean wantsConference,
            OffsetDateTime createdAt,
            @Nullable OffsetDateTime cancelledAt) {

        boolean active() {
            return cancelledAt == null;
        }
    }

    private static final String CYCLE_COLUMNS = "id, cycle_id, person_id, wants_conference, created_at, cancelled_at";

    /**
     * Registers the person for the whole cycle, or takes an existing registration up again (a conference wish, once
     * expressed, is kept).
     *
     * @return the cycle registration, locked
     */
    CycleRegistration upsertCycleRegistration(
            long cycleId, long personId, boolean wantsConference, OffsetDateTime now) {
        jdbc.sql("""
                        insert into cycle_registration (cycle_id, person_id, wants_conference, created_at)
                        values (:cycle, :person, :wants, :now)
                        on conflict do nothing""")
                .param("cycle", cycleId)
                .param("person", personId)
                .param("wants", wantsConference)
                .param("now", now)
                .update();
        CycleRegistration found = lockCycleRegistration(cycleId, personId).orElseThrow();
        if (!found.active() || (wantsConference && !found.wantsConference())) {
            jdbc.sql("""
                            update cycle_registration set cancelled_at = null,
                                wants_conference = (wants_conference or :wants),
                                created_at = case when cancelled_at is null then created_at else :now end
                            where id = :id""")
                    .param("id", found.id())
                    .param("wants", wantsConference)
                    .param("now", now)
                    .update();
            found = lockCycleRegistration(cycleId, personId).orElseThrow();
        }
        return found;
    }

    Optional<CycleRegistration> lockCycleRegistration(long cycleId, long personId) {
        return jdbc.sql("select " + CYCLE_COLUMNS
                        + " from cycle_registration where cycle_id = :cycle and person_id = :person for update")
                .param("cycle", cycleId)
                .param("person", personId)
                .query(RegistrationStore::mapCycle)
                .optional();
    }

    Optional<CycleRegistration> findCycleRegistration(long cycleId, long personId) {
        return jdbc.sql("select " + CYCLE_COLUMNS
                        + " from cycle_registration where cycle_id = :cycle and person_id = :person")
                .param("cycle", cycleId)
                .param("person", personId)
                .query(RegistrationStore::mapCycle)
                .optional();
    }

    boolean cancelCycleRegistration(long id, OffsetDateTime now) {
        return jdbc.sql("update cycle_registration set cancelled_at = :now where id = :id and cancelled_at is null")
                        .param("id", id)
                        .param("now", now)
                        .update()
                == 1;
    }

    /** Active registrations for the whole cycle, oldest first (the order in which they get seats). */
    List<CycleRegistration> activeCycleRegistrations(long cycleId) {
        return jdbc.sql("select " + CYCLE_COLUMNS + """
                         from cycle_registration where cycle_id = :cycle and cancelled_at is null
                        order by created_at, id""")
                .param("cycle", cycleId)
                .query(RegistrationStore::mapCycle)
                .list();
    }

    List<CycleRegistration> cycleRegistrationsOf(long personId) {
        return jdbc.sql("select " + CYCLE_COLUMNS + " from cycle_registration where person_id = :person order by id")
                .param("person", personId)
                .query(RegistrationStore::mapCycle)
                .list();
    }

    private static Registration map(ResultSet rs, int row) throws SQLException {
        long cycleRegistration = rs.getLong("cycle_registration_id");
        Long cycleRegistrationId = rs.wasNull() ? null : cycleRegistration;
        return new Registration(
                rs.getLong("id"),
                rs.getLong("session_id"),
                rs.getLong("person_id"),
                Seat.valueOf(rs.getString("seat")),
                rs.getBoolean("waitlisted"),
                rs.getObject("waitlisted_at", OffsetDateTime.class),
                RegistrationStatus.valueOf(rs.getString("status")),
                cycleRegistrationId,
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getObject("cancelled_at", OffsetDateTime.class),
                rs.getInt("activation"),
                rs.getInt("revision"));
    }

    private static CycleRegistration mapCycle(ResultSet rs, int row) throws SQLException {
        return new CycleRegistration(
                rs.getLong("id"),
                rs.getLong("cycle_id"),
                rs.getLong("person_id"),
                rs.getBoolean("wants_conference"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("cancelled_at", OffsetDateTime.class));
    }
}

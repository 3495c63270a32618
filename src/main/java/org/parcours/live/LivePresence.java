package org.parcours.live;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Join and leave times of participants' live connections, for attendance (attestations read
 * {@link #attendance}). Visitors who have not joined are counted live but not recorded.
 */
@Service
public class LivePresence {

    private final JdbcClient jdbc;
    private final Clock clock;

    LivePresence(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an arrival; returns the id to close with {@link #left}. */
    public long joined(long sessionId, long participantId, @Nullable SeatKind seat) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into live_presence (session_id, participant_id, seat, joined_at)
                        values (:s, :p, :seat, :now)""")
                .param("s", sessionId)
                .param("p", participantId)
                .param("seat", seat == null ? "NONE" : seat.name())
                .param("now", OffsetDateTime.now(clock))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    public void left(long presenceId) {
        jdbc.sql("update live_presence set left_at = :now where id = :id and left_at is null")
                .param("now", OffsetDateTime.now(clock))
                .param("id", presenceId)
                .update();
    }

    /** Every connection of a room's participants, with the person behind it when known, in arrival order. */
    public List<Attendance> attendance(long sessionId) {
        return jdbc.sql("""
                        select p.id as participant_id, p.person_id, pr.seat, pr.joined_at, pr.left_at
                        from live_presence pr join live_participant p on p.id = pr.participant_id
                        where pr.session_id = :s order by pr.joined_at, pr.id""").param("s", sessionId).query(Attendance.class).list();
    }

    /** One stay in the room; {@code leftAt} is null while connected (or if the node stopped abruptly). */
    public record Attendance(
            long participantId,
            @Nullable Long personId,
            String seat,
            OffsetDateTime joinedAt,
            @Nullable OffsetDateTime leftAt) {}
}

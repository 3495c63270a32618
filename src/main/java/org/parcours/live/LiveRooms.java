package org.parcours.live;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code live_room} rows: created with the configured defaults the first time a room is needed. */
@Repository
class LiveRooms {

    private static final String COLUMNS = """
            session_id, opening, opens_minutes_before, closes_minutes_after, guests_allowed, premoderation,
            chat_slow_seconds, current_segment, segment_started_at, last_seq""";

    private final JdbcClient jdbc;
    private final LiveSettings settings;
    private final Clock clock;

    LiveRooms(JdbcClient jdbc, LiveSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    Optional<LiveRoom> find(long sessionId) {
        return jdbc.sql("select " + COLUMNS + " from live_room where session_id = :s")
                .param("s", sessionId)
                .query(LiveRoom.class)
                .optional();
    }

    /** The room of an existing session, created with the defaults if needed (safe when two nodes race). */
    LiveRoom ensure(long sessionId) {
        return find(sessionId).orElseGet(() -> {
            // another request or node may create it first: then nothing is inserted here
            jdbc.sql("""
                            insert into live_room (session_id, opening, opens_minutes_before, closes_minutes_after,
                                guests_allowed, premoderation, chat_slow_seconds, last_seq, updated_at)
                            values (:s, 'AUTO', :before, :after, :guests, false, 0, 0, :now) on conflict do nothing""")
                    .param("s", sessionId)
                    .param("before", (int) settings.opensBefore().toMinutes())
                    .param("after", (int) settings.closesAfter().toMinutes())
                    .param("guests", settings.guestsAllowed())
                    .param("now", OffsetDateTime.now(clock))
                    .update();
            return find(sessionId).orElseThrow();
        });
    }

    /** Takes the next event number of the room; the row stays locked until the transaction ends. */
    long nextSeq(long sessionId) {
        ensure(sessionId);
        jdbc.sql("update live_room set last_seq = last_seq + 1 where session_id = :s")
                .param("s", sessionId)
                .update();
        return jdbc.sql("select last_seq from live_room where session_id = :s")
                .param("s", sessionId)
                .query(Long.class)
                .single();
    }

    long lastSeq(long sessionId) {
        return jdbc.sql("select last_seq from live_room where session_id = :s")
                .param("s", sessionId)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    void saveSettings(
            long sessionId,
            LiveRoom.Opening opening,
            int opensMinutesBefore,
            int closesMinutesAfter,
            boolean guestsAllowed,
            boolean premoderation,
            int chatSlowSeconds) {
        ensure(sessionId);
        jdbc.sql("""
                        update live_room set opening = :opening, opens_minutes_before = :before,
                            closes_minutes_after = :after, guests_allowed = :guests, premoderation = :pre,
                            chat_slow_seconds = :slow, updated_at = :now
                        where session_id = :s""")
                .param("opening", opening.name())
                .param("before", opensMinutesBefore)
                .param("after", closesMinutesAfter)
                .param("guests", guestsAllowed)
                .param("pre", premoderation)
                .param("slow", chatSlowSeconds)
                .param("now", OffsetDateTime.now(clock))
                .param("s", sessionId)
                .update();
    }

    void setSegment(long sessionId, @Nullable Integer segment, @Nullable OffsetDateTime startedAt) {
        ensure(sessionId);
        jdbc.sql("""
                        update live_room set current_segment = :segment, segment_started_at = :started,
                            updated_at = :now where session_id = :s""")
                .param("segment", segment)
                .param("started", startedAt)
                .param("now", OffsetDateTime.now(clock))
                .param("s", sessionId)
                .update();
    }
}

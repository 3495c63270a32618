package org.parcours.live;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The room's event log. {@link #append} runs inside the transaction that makes the change: it numbers the event,
 * stores it, and publishes it on the bus only once that transaction has committed, so what streams show is always
 * persisted first ("nothing accepted is lost") and a rolled-back change is never shown.
 */
@Component
public class LiveEvents {

    private final JdbcClient jdbc;
    private final LiveRooms rooms;
    private final LiveBus bus;
    private final Clock clock;

    LiveEvents(JdbcClient jdbc, LiveRooms rooms, LiveBus bus, Clock clock) {
        this.jdbc = jdbc;
        this.rooms = rooms;
        this.bus = bus;
        this.clock = clock;
    }

    LiveEvent append(long sessionId, String kind, Object view) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("live events are appended inside the transaction of their change");
        }
        long seq = rooms.nextSeq(sessionId);
        LiveEvent event = new LiveEvent(sessionId, seq, kind, LiveJson.write(view));
        jdbc.sql("""
                        insert into live_event (session_id, seq, kind, payload, created_at)
                        values (:s, :seq, :kind, :payload, :now)""")
                .param("s", sessionId)
                .param("seq", seq)
                .param("kind", kind)
                .param("payload", event.payload())
                .param("now", OffsetDateTime.now(clock))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                bus.publish(event);
            }
        });
        return event;
    }

    /** Publishes a message that is neither numbered nor logged (presence counts). */
    public void publishTransient(long sessionId, String kind, Object view) {
        bus.publish(new LiveEvent(sessionId, 0, kind, LiveJson.write(view)));
    }

    /** The events after {@code seq}, oldest first, at most {@code limit}. */
    public List<LiveEvent> after(long sessionId, long seq, int limit) {
        return jdbc.sql("""
                        select session_id, seq, kind, payload from live_event
                        where session_id = :s and seq > :seq order by seq limit :limit""")
                .param("s", sessionId)
                .param("seq", seq)
                .param("limit", limit)
                .query(LiveEvent.class)
                .list();
    }

    /** The number of the room's last event (0 when it has none). */
    public long lastSeq(long sessionId) {
        return rooms.lastSeq(sessionId);
    }
}

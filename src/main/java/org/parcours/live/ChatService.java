package org.parcours.live;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chat beside the questions: same posting rules (open room, not banned, rate limit), plus the room's slow
 * mode (one message per participant every N seconds). Organisers hide messages; hidden ones leave participants'
 * screens but stay in the archive.
 */
@Service
@Transactional
public class ChatService {

    /** How many of the latest messages a page shows. */
    public static final int PAGE_SIZE = 100;

    private static final String VIEW = """
            select m.id, m.session_id, m.participant_id, p.nickname, m.text, m.hidden, m.created_at
            from live_chat_message m join live_participant p on p.id = m.participant_id""";

    private final JdbcClient jdbc;
    private final RoomService rooms;
    private final LiveEvents events;
    private final Clock clock;

    ChatService(JdbcClient jdbc, RoomService rooms, LiveEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.rooms = rooms;
        this.events = events;
        this.clock = clock;
    }

    public ChatView post(Participant participant, String text) {
        String message = LiveTexts.text(text, LiveTexts.CHAT_MAX);
        LiveRoom room = rooms.checkPosting(participant, "live-chat");
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (room.chatSlowSeconds() > 0) {
            Optional<OffsetDateTime> last = jdbc.sql(
                            "select max(created_at) from live_chat_message where participant_id = :p")
                    .param("p", participant.id())
                    .query(OffsetDateTime.class)
                    .optional();
            if (last.isPresent()
                    && last.get()
                            .plus(Duration.ofSeconds(room.chatSlowSeconds()))
                            .isAfter(now)) {
                throw new LiveRefusedException(Refusal.SLOW_MODE, room.chatSlowSeconds());
            }
        }
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into live_chat_message (session_id, participant_id, text, hidden, created_at)
                        values (:s, :p, :text, false, :now)""")
                .param("s", participant.sessionId())
                .param("p", participant.id())
                .param("text", message)
                .param("now", now)
                .update(key, "id");
        ChatView view = find(participant.sessionId(), key.getKeyAs(Number.class).longValue())
                .orElseThrow();
        events.append(view.sessionId(), LiveEvent.CHAT, view);
        return view;
    }

    /** Organisers: hides a message or shows it again. */
    public ChatView setHidden(long sessionId, long messageId, boolean hidden) {
        int updated = jdbc.sql("update live_chat_message set hidden = :h where id = :m and session_id = :s")
                .param("h", hidden)
                .param("m", messageId)
                .param("s", sessionId)
                .update();
        if (updated == 0) {
            throw new LiveRefusedException(Refusal.NOT_FOUND);
        }
        ChatView view = find(sessionId, messageId).orElseThrow();
        events.append(sessionId, LiveEvent.CHAT, view);
        return view;
    }

    @Transactional(readOnly = true)
    public Optional<ChatView> find(long sessionId, long messageId) {
        return jdbc.sql(VIEW + " where m.id = :m and m.session_id = :s")
                .param("m", messageId)
                .param("s", sessionId)
                .query(ChatService::view)
                .optional();
    }

    /** The latest messages, oldest first; hidden ones only for organisers. */
    @Transactional(readOnly = true)
    public List<ChatView> latest(long sessionId, boolean moderator) {
        List<ChatView> latest = new ArrayList<>(jdbc.sql(VIEW + " where m.session_id = :s"
                        + (moderator ? "" : " and not m.hidden") + " order by m.id desc limit :n")
                .param("s", sessionId)
                .param("n", PAGE_SIZE)
                .query(ChatService::view)
                .list());
        Collections.reverse(latest);
        return latest;
    }

    static ChatView view(ResultSet rs, int row) throws SQLException {
        return new ChatView(
                rs.getLong("id"),
                rs.getLong("session_id"),
                rs.getLong("participant_id"),
                rs.getString("nickname"),
                rs.getString("text"),
                rs.getBoolean("hidden"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant().toEpochMilli());
    }
}

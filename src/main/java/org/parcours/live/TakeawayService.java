package org.parcours.live;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.SegmentKind;
import org.parcours.cycle.Session;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "What I take away", written during the closing segment. Private by default: it belongs to the participant's
 * learning journal ({@link #ofPerson}, for the feedback feature). Shared ones appear, without a name, on the
 * room's wall; organisers may hide one from the wall.
 */
@Service
@Transactional
public class TakeawayService {

    private static final String COLUMNS = "id, session_id, text, shared, hidden, created_at";

    private final JdbcClient jdbc;
    private final RoomService rooms;
    private final LiveEvents events;
    private final CycleService cycles;
    private final Clock clock;

    TakeawayService(JdbcClient jdbc, RoomService rooms, LiveEvents events, CycleService cycles, Clock clock) {
        this.jdbc = jdbc;
        this.rooms = rooms;
        this.events = events;
        this.cycles = cycles;
        this.clock = clock;
    }

    public TakeawayView write(Participant participant, String text, boolean shared) {
        String takeaway = LiveTexts.text(text, LiveTexts.TAKEAWAY_MAX);
        LiveRoom room = rooms.checkPosting(participant, "live-takeaway");
        Session session = cycles.session(participant.sessionId()).orElseThrow();
        Integer current = room.currentSegment();
        if (current == null
                || current >= session.agenda().size()
                || session.agenda().get(current).kind() != SegmentKind.CLOSING) {
            throw new LiveRefusedException(Refusal.TAKEAWAY_NOT_NOW);
        }
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into live_takeaway (session_id, participant_id, text, shared, hidden, created_at)
                        values (:s, :p, :t, :shared, false, :now)""")
                .param("s", participant.sessionId())
                .param("p", participant.id())
                .param("t", takeaway)
                .param("shared", shared)
                .param("now", OffsetDateTime.now(clock))
                .update(key, "id");
        TakeawayView view = find(key.getKeyAs(Number.class).longValue());
        if (shared) {
            events.append(view.sessionId(), LiveEvent.TAKEAWAY, view);
        }
        return view;
    }

    /** Organisers: hides a shared takeaway from the wall (or shows it again). */
    public TakeawayView setHidden(long sessionId, long takeawayId, boolean hidden) {
        int updated = jdbc.sql("update live_takeaway set hidden = :h where id = :id and session_id = :s and shared")
                .param("h", hidden)
                .param("id", takeawayId)
                .param("s", sessionId)
                .update();
        if (updated == 0) {
            throw new LiveRefusedException(Refusal.NOT_FOUND);
        }
        TakeawayView view = find(takeawayId);
        events.append(sessionId, LiveEvent.TAKEAWAY, view);
        return view;
    }

    /** The wall: shared takeaways, oldest first; hidden ones only for organisers. */
    @Transactional(readOnly = true)
    public List<TakeawayView> wall(long sessionId, boolean moderator) {
        return jdbc.sql("select " + COLUMNS + " from live_takeaway where session_id = :s and shared"
                        + (moderator ? "" : " and not hidden") + " order by id")
                .param("s", sessionId)
                .query(TakeawayService::view)
                .list();
    }

    /** What one participant wrote in the room, shared or not. */
    @Transactional(readOnly = true)
    public List<TakeawayView> ofParticipant(long participantId) {
        return jdbc.sql("select " + COLUMNS + " from live_takeaway where participant_id = :p order by id")
                .param("p", participantId)
                .query(TakeawayService::view)
                .list();
    }

    /** Everything a person took away, in every room: their learning journal's entries from live sessions. */
    @Transactional(readOnly = true)
    public List<TakeawayView> ofPerson(long personId) {
        return jdbc.sql("select t.id, t.session_id, t.text, t.shared, t.hidden, t.created_at from live_takeaway t"
                        + " join live_participant p on p.id = t.participant_id where p.person_id = :who order by t.id")
                .param("who", personId)
                .query(TakeawayService::view)
                .list();
    }

    private TakeawayView find(long id) {
        return jdbc.sql("select " + COLUMNS + " from live_takeaway where id = :id")
                .param("id", id)
                .query(TakeawayService::view)
                .single();
    }

    static TakeawayView view(ResultSet rs, int row) throws SQLException {
        return new TakeawayView(
                rs.getLong("id"),
                rs.getLong("session_id"),
                rs.getString("text"),
                rs.getBoolean("shared"),
                rs.getBoolean("hidden"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant().toEpochMilli());
    }
}

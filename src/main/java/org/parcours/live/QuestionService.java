package org.parcours.live;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questions of a room: asking, upvoting (one vote per participant, set on or off idempotently) and the
 * organisers' moderation (pre-moderation queue, hide, merge duplicates, pin as "now discussing", mark answered).
 * Each change is stored and logged in one transaction; the stream shows it after the commit.
 */
@Service
@Transactional
public class QuestionService {

    private static final String VIEW = """
            select q.id, q.session_id, q.participant_id, p.nickname, q.text, q.status, q.pinned, q.merged_into,
                q.votes, q.created_at
            from live_question q join live_participant p on p.id = q.participant_id""";

    private final JdbcClient jdbc;
    private final RoomService rooms;
    private final LiveEvents events;
    private final Clock clock;

    QuestionService(JdbcClient jdbc, RoomService rooms, LiveEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.rooms = rooms;
        this.events = events;
        this.clock = clock;
    }

    public QuestionView ask(Participant participant, String text) {
        String question = LiveTexts.text(text, LiveTexts.QUESTION_MAX);
        LiveRoom room = rooms.checkPosting(participant, "live-question");
        OffsetDateTime now = OffsetDateTime.now(clock);
        QuestionStatus status = room.premoderation() ? QuestionStatus.PENDING : QuestionStatus.VISIBLE;
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into live_question (session_id, participant_id, text, status, pinned, votes, created_at,
                            updated_at)
                        values (:s, :p, :text, :status, false, 0, :now, :now)""")
                .param("s", participant.sessionId())
                .param("p", participant.id())
                .param("text", question)
                .param("status", status.name())
                .param("now", now)
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        return broadcast(find(participant.sessionId(), id).orElseThrow());
    }

    /** Sets the participant's vote on a shown question; repeating the same request changes nothing. */
    public VoteCount vote(Participant participant, long questionId, boolean on) {
        rooms.checkPosting(participant, "live-vote");
        QuestionView question = find(participant.sessionId(), questionId)
                .filter(q -> q.status().shownToParticipants())
                .orElseThrow(() -> new LiveRefusedException(Refusal.NOT_SHOWN));
        int changed = on
                ? jdbc.sql("""
                                insert into live_vote (question_id, participant_id, created_at)
                                values (:q, :p, :now) on conflict do nothing""")
                        .param("q", questionId)
                        .param("p", participant.id())
                        .param("now", OffsetDateTime.now(clock))
                        .update()
                : jdbc.sql("delete from live_vote where question_id = :q and participant_id = :p")
                        .param("q", questionId)
                        .param("p", participant.id())
                        .update();
        if (changed == 0) {
            return new VoteCount(questionId, question.votes());
        }
        jdbc.sql("update live_question set votes = votes + :delta where id = :q")
                .param("delta", on ? 1 : -1)
                .param("q", questionId)
                .update();
        VoteCount count = new VoteCount(questionId, votes(questionId));
        events.append(participant.sessionId(), LiveEvent.VOTES, count);
        return count;
    }

    @Transactional(readOnly = true)
    public Optional<QuestionView> find(long sessionId, long questionId) {
        return jdbc.sql(VIEW + " where q.id = :id and q.session_id = :s")
                .param("id", questionId)
                .param("s", sessionId)
                .query(QuestionService::view)
                .optional();
    }

    /** The room's questions for participants (shown ones) or organisers (all but merged ones), in asking order. */
    @Transactional(readOnly = true)
    public List<QuestionView> list(long sessionId, boolean moderator) {
        String statuses = moderator ? "('PENDING', 'VISIBLE', 'ANSWERED', 'HIDDEN')" : "('VISIBLE', 'ANSWERED')";
        return jdbc.sql(VIEW + " where q.session_id = :s and q.status in " + statuses + " order by q.id")
                .param("s", sessionId)
                .query(QuestionService::view)
                .list();
    }

    /** Every question of the room, merged ones included, most voted first: the archive after the session. */
    @Transactional(readOnly = true)
    public List<QuestionView> archive(long sessionId) {
        return jdbc.sql(VIEW + " where q.session_id = :s order by q.votes desc, q.id")
                .param("s", sessionId)
                .query(QuestionService::view)
                .list();
    }

    @Transactional(readOnly = true)
    public Set<Long> votedBy(long participantId) {
        return new HashSet<>(jdbc.sql("select question_id from live_vote where participant_id = :p")
                .param("p", participantId)
                .query(Long.class)
                .list());
    }

    /** Organisers: moves a question to {@code status} (approve, hide, show again, mark answered). */
    public QuestionView moderate(long sessionId, long questionId, QuestionStatus status) {
        if (status == QuestionStatus.MERGED) {
            throw new IllegalArgumentException("merging needs a target: use merge()");
        }
        QuestionView question = require(sessionId, questionId);
        if (question.status() == QuestionStatus.MERGED) {
            throw new LiveRefusedException(Refusal.NOT_SHOWN);
        }
        boolean pinned = question.pinned() && status == QuestionStatus.VISIBLE;
        update(questionId, status, pinned, null);
        return broadcast(require(sessionId, questionId));
    }

    /** Organisers: pins a shown question as "now discussing" (unpinning any other) or unpins it. */
    public QuestionView pin(long sessionId, long questionId, boolean pinned) {
        QuestionView question = require(sessionId, questionId);
        if (question.status() != QuestionStatus.VISIBLE) {
            throw new LiveRefusedException(Refusal.NOT_SHOWN);
        }
        if (pinned) {
            for (Long other : jdbc.sql("select id from live_question where session_id = :s and pinned and id <> :q")
                    .param("s", sessionId)
                    .param("q", questionId)
                    .query(Long.class)
                    .list()) {
                QuestionView was = require(sessionId, other);
                update(other, was.status(), false, null);
                broadcast(require(sessionId, other));
            }
        }
        update(questionId, question.status(), pinned, null);
        return broadcast(require(sessionId, questionId));
    }

    /**
     * Organisers: merges a duplicate into another question of the room. The duplicate's voters become voters of
     * the target (once each) and the duplicate leaves the list.
     */
    public QuestionView merge(long sessionId, long duplicateId, long targetId) {
        if (duplicateId == targetId) {
            throw new LiveRefusedException(Refusal.BAD_CHOICE);
        }
        QuestionView duplicate = require(sessionId, duplicateId);
        QuestionView target = require(sessionId, targetId);
        if (duplicate.status() == QuestionStatus.MERGED || target.status() == QuestionStatus.MERGED) {
            throw new LiveRefusedException(Refusal.NOT_SHOWN);
        }
        jdbc.sql("""
                        insert into live_vote (question_id, participant_id, created_at)
                        select :target, v.participant_id, v.created_at from live_vote v
                        where v.question_id = :dup and not exists (
                            select 1 from live_vote w where w.question_id = :target and w.participant_id = v.participant_id)""").param("target", targetId).param("dup", duplicateId).update();
        jdbc.sql(
                        "update live_question set votes = (select count(*) from live_vote where question_id = :q) where id = :q")
                .param("q", targetId)
                .update();
        update(duplicateId, QuestionStatus.MERGED, false, targetId);
        broadcast(require(sessionId, duplicateId));
        return broadcast(require(sessionId, targetId));
    }

    private QuestionView require(long sessionId, long questionId) {
        return find(sessionId, questionId).orElseThrow(() -> new LiveRefusedException(Refusal.NOT_FOUND));
    }

    private void update(long questionId, QuestionStatus status, boolean pinned, @Nullable Long mergedInto) {
        jdbc.sql("""
                        update live_question set status = :status, pinned = :pinned, merged_into = :merged,
                            updated_at = :now where id = :q""")
                .param("status", status.name())
                .param("pinned", pinned)
                .param("merged", mergedInto)
                .param("now", OffsetDateTime.now(clock))
                .param("q", questionId)
                .update();
    }

    private int votes(long questionId) {
        return jdbc.sql("select votes from live_question where id = :q")
                .param("q", questionId)
                .query(Integer.class)
                .single();
    }

    private QuestionView broadcast(QuestionView question) {
        events.append(question.sessionId(), LiveEvent.QUESTION, question);
        return question;
    }

    static QuestionView view(ResultSet rs, int row) throws SQLException {
        Number merged = (Number) rs.getObject("merged_into");
        return new QuestionView(
                rs.getLong("id"),
                rs.getLong("session_id"),
                rs.getLong("participant_id"),
                rs.getString("nickname"),
                rs.getString("text"),
                QuestionStatus.valueOf(rs.getString("status")),
                rs.getBoolean("pinned"),
                merged == null ? null : merged.longValue(),
                rs.getInt("votes"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant().toEpochMilli());
    }
}

package org.parcours.live;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Polls of a room: prepared, opened and closed by organisers; answered (single or multiple choice, changeable
 * while open) by participants. Answers are not broadcast one by one: a room of thousands answering within seconds
 * would flood every stream. {@link PollResults} publishes the counts of polls that got answers, once a second.
 */
@Service
@Transactional
public class PollService {

    static final int MAX_OPTIONS = 8;

    private final JdbcClient jdbc;
    private final RoomService rooms;
    private final LiveEvents events;
    private final Clock clock;
    private final Map<Long, Long> answered = new ConcurrentHashMap<>();

    PollService(JdbcClient jdbc, RoomService rooms, LiveEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.rooms = rooms;
        this.events = events;
        this.clock = clock;
    }

    /** Organisers: prepares a poll (not shown to participants until opened). */
    public PollView create(long sessionId, String question, List<String> options, boolean multiple) {
        String text = LiveTexts.line(question, LiveTexts.POLL_QUESTION_MAX);
        List<String> choices = new ArrayList<>();
        for (String option : options) {
            if (!option.isBlank()) {
                choices.add(LiveTexts.line(option, LiveTexts.POLL_OPTION_MAX));
            }
        }
        if (choices.size() < 2
                || choices.size() > MAX_OPTIONS
                || new LinkedHashSet<>(choices).size() != choices.size()) {
            throw new LiveRefusedException(Refusal.BAD_CHOICE);
        }
        rooms.room(sessionId);
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into live_poll (session_id, question, multiple, status, created_at)
                        values (:s, :q, :m, 'DRAFT', :now)""")
                .param("s", sessionId)
                .param("q", text)
                .param("m", multiple)
                .param("now", OffsetDateTime.now(clock))
                .update(key, "id");
        long pollId = key.getKeyAs(Number.class).longValue();
        for (int i = 0; i < choices.size(); i++) {
            jdbc.sql("insert into live_poll_option (poll_id, position, text) values (:p, :i, :t)")
                    .param("p", pollId)
                    .param("i", i)
                    .param("t", choices.get(i))
                    .update();
        }
        return broadcast(require(sessionId, pollId));
    }

    /** Organisers: opens (answers accepted) or closes (results kept) a poll. */
    public PollView setStatus(long sessionId, long pollId, PollView.PollStatus status) {
        require(sessionId, pollId);
        jdbc.sql("update live_poll set status = :st where id = :p")
                .param("st", status.name())
                .param("p", pollId)
                .update();
        return broadcast(require(sessionId, pollId));
    }

    /** Records (or replaces) a participant's answer to an open poll. */
    public void answer(Participant participant, long pollId, List<Long> optionIds) {
        rooms.checkPosting(participant, "live-poll");
        PollView poll =
                find(participant.sessionId(), pollId).orElseThrow(() -> new LiveRefusedException(Refusal.NOT_FOUND));
        if (poll.status() != PollView.PollStatus.OPEN) {
            throw new LiveRefusedException(Refusal.POLL_CLOSED);
        }
        Set<Long> chosen = new LinkedHashSet<>(optionIds);
        Set<Long> valid = new LinkedHashSet<>();
        poll.options().forEach(o -> valid.add(o.id()));
        if (chosen.isEmpty() || !valid.containsAll(chosen) || (!poll.multiple() && chosen.size() != 1)) {
            throw new LiveRefusedException(Refusal.BAD_CHOICE);
        }
        jdbc.sql("delete from live_poll_answer where poll_id = :p and participant_id = :who")
                .param("p", pollId)
                .param("who", participant.id())
                .update();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Long option : chosen) {
            jdbc.sql("""
                            insert into live_poll_answer (poll_id, option_id, participant_id, created_at)
                            values (:p, :o, :who, :now) on conflict do nothing""")
                    .param("p", pollId)
                    .param("o", option)
                    .param("who", participant.id())
                    .param("now", now)
                    .update();
        }
        answered.put(pollId, participant.sessionId());
    }

    /** Publishes the results of the polls answered since the last call (one event per poll). */
    public void publishAnswered() {
        for (Map.Entry<Long, Long> poll : Map.copyOf(answered).entrySet()) {
            answered.remove(poll.getKey(), poll.getValue());
            find(poll.getValue(), poll.getKey())
                    .ifPresent(view -> events.append(view.sessionId(), LiveEvent.POLL_RESULTS, view));
        }
    }

    @Transactional(readOnly = true)
    public Optional<PollView> find(long sessionId, long pollId) {
        return jdbc.sql(
                        "select id, session_id, question, multiple, status from live_poll where id = :p and session_id = :s")
                .param("p", pollId)
                .param("s", sessionId)
                .query((rs, row) -> new Object[] {
                    rs.getLong("id"),
                    rs.getLong("session_id"),
                    rs.getString("question"),
                    rs.getBoolean("multiple"),
                    rs.getString("status")
                })
                .optional()
                .map(r -> new PollView(
                        (Long) r[0],
                        (Long) r[1],
                        (String) r[2],
                        (Boolean) r[3],
                        PollView.PollStatus.valueOf((String) r[4]),
                        options(pollId),
                        voters(pollId)));
    }

    /** The room's polls in creation order; drafts only for organisers. */
    @Transactional(readOnly = true)
    public List<PollView> list(long sessionId, boolean moderator) {
        return jdbc
                .sql("select id from live_poll where session_id = :s" + (moderator ? "" : " and status <> 'DRAFT'")
                        + " order by id")
                .param("s", sessionId)
                .query(Long.class)
                .list()
                .stream()
                .map(id -> find(sessionId, id).orElseThrow())
                .toList();
    }

    @Transactional(readOnly = true)
    public Set<Long> chosenBy(long participantId, long pollId) {
        return new LinkedHashSet<>(
                jdbc.sql("select option_id from live_poll_answer where poll_id = :p and participant_id = :who")
                        .param("p", pollId)
                        .param("who", participantId)
                        .query(Long.class)
                        .list());
    }

    private List<PollView.Option> options(long pollId) {
        return jdbc.sql("""
                        select o.id, o.text, (select count(*) from live_poll_answer a where a.option_id = o.id) as count
                        from live_poll_option o where o.poll_id = :p order by o.position""")
                .param("p", pollId)
                .query((rs, row) -> new PollView.Option(rs.getLong("id"), rs.getString("text"), rs.getInt("count")))
                .list();
    }

    private int voters(long pollId) {
        return jdbc.sql("select count(distinct participant_id) from live_poll_answer where poll_id = :p")
                .param("p", pollId)
                .query(Integer.class)
                .single();
    }

    private PollView require(long sessionId, long pollId) {
        return find(sessionId, pollId).orElseThrow(() -> new LiveRefusedException(Refusal.NOT_FOUND));
    }

    private PollView broadcast(PollView poll) {
        events.append(poll.sessionId(), LiveEvent.POLL, poll);
        return poll;
    }
}

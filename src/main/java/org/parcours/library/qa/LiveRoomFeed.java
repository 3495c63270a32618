package org.parcours.library.qa;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parcours.cycle.Session;
import org.parcours.live.QuestionService;
import org.parcours.live.QuestionStatus;
import org.parcours.live.QuestionView;
import org.springframework.stereotype.Component;

/**
 * The live room's questions as messages for the same review as a chat log, through live's public {@link
 * QuestionService#archive}: in the order they were asked, with their votes, the room's nickname as author (plain
 * text: the archive links to no account), answered ones marked as answered live, shown ones ticked, merged ones
 * merged (their votes already moved to the question they were merged into, so they bring none), pending and hidden
 * ones left for the organiser to decide.
 */
@Component
class LiveRoomFeed {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final QuestionService questions;

    LiveRoomFeed(QuestionService questions) {
        this.questions = questions;
    }

    ParsedChat read(Session session) {
        Timeline timeline = new Timeline(session.start());
        List<QuestionView> asked = new ArrayList<>(questions.archive(session.id()));
        asked.sort(Comparator.comparingLong(QuestionView::createdAt).thenComparingLong(QuestionView::id));
        if (asked.isEmpty()) {
            throw new ChatRejected("qa.import.liveEmpty");
        }
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < asked.size(); i++) {
            index.put(asked.get(i).id(), i);
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (QuestionView q : asked) {
            Instant at = Instant.ofEpochMilli(q.createdAt());
            boolean merged = q.status() == QuestionStatus.MERGED;
            messages.add(new ChatMessage(
                    0,
                    CLOCK.format(at.atZone(session.zone())),
                    timeline.ofInstant(at),
                    ChatText.clean(q.nickname(), ChatText.MAX_AUTHOR),
                    ChatText.clean(q.text(), ChatText.MAX_TEXT),
                    merged ? 0 : q.votes(),
                    null,
                    q.status() == QuestionStatus.ANSWERED,
                    q.mergedInto() == null ? null : index.get(q.mergedInto()),
                    q.status().shownToParticipants()));
        }
        return new ParsedChat(ChatFormat.LIVE_ROOM, messages, List.of(), 0, 0, 0, 0);
    }
}

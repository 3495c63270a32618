package org.parcours.library.qa;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns read messages into review rows with the first choices made: questions ticked by {@link QuestionHeuristic}
 * (a reply in a thread is not ticked), "+1" and the like merged into the question before them. Messages from the
 * live room keep the room's own choices (shown questions ticked, merged ones merged).
 */
final class Preselection {

    private Preselection() {}

    static List<StagedMessage> rows(ParsedChat chat) {
        List<ChatMessage> messages = chat.messages();
        boolean[] selected = new boolean[messages.size()];
        Integer[] merged = new Integer[messages.size()];
        Integer lastQuestion = null;
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage m = messages.get(i);
            if (m.question() != null) {
                selected[i] = m.question();
            } else if (QuestionHeuristic.isVote(m.text())) {
                merged[i] = lastQuestion;
            } else if (m.replyTo() == null && QuestionHeuristic.isQuestion(m.text())) {
                selected[i] = true;
                lastQuestion = i + 1;
            }
        }
        for (int i = 0; i < messages.size(); i++) {
            Integer target = messages.get(i).mergedInto();
            // a live-room merge counts only into a question that is itself kept
            if (target != null && selected[target] && messages.get(target).mergedInto() == null) {
                merged[i] = target + 1;
                selected[i] = false;
            }
        }
        List<StagedMessage> rows = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage m = messages.get(i);
            rows.add(new StagedMessage(
                    i + 1,
                    m.line(),
                    ChatText.truncate(m.clock(), 32),
                    m.offsetSeconds(),
                    m.author(),
                    m.text(),
                    selected[i],
                    m.votes(),
                    merged[i],
                    position(m.replyTo()),
                    "",
                    m.answered() ? AnswerStatus.ANSWERED_LIVE : AnswerStatus.OPEN));
        }
        return rows;
    }

    private static @Nullable Integer position(@Nullable Integer index) {
        return index == null ? null : index + 1;
    }
}

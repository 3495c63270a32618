package org.parcours.library.qa;

import java.util.List;

/**
 * What a chat log holds: its messages in order, the lines that could not be read (the first {@link
 * ChatLog#MAX_PROBLEMS} of {@code problemCount}), and what was left out on purpose (direct messages are counted,
 * never kept).
 */
record ParsedChat(
        ChatFormat format,
        List<ChatMessage> messages,
        List<ChatProblem> problems,
        int problemCount,
        int directMessages,
        int skippedItems,
        int truncated) {

    ParsedChat {
        messages = List.copyOf(messages);
        problems = List.copyOf(problems);
    }
}

package org.parcours.library.qa;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a parser collects while it reads a log: messages (whose text may go on over several lines), reactions
 * counted on the message they name, direct messages and other items counted but never kept, and the lines that could
 * not be read. Memory stays bounded by the file: a message's text stops growing past {@link ChatText#MAX_TEXT}.
 */
final class ChatLog {

    /** Problems beyond this many are counted, not listed. */
    static final int MAX_PROBLEMS = 200;

    private final List<Draft> messages = new ArrayList<>();
    private final List<ChatProblem> problems = new ArrayList<>();
    private int problemCount;
    private int directMessages;
    private int skippedItems;

    private static final class Draft {
        final int line;
        final String clock;
        final @Nullable Integer offset;
        final String author;
        final StringBuilder text;

        @Nullable
        Integer votes;

        @Nullable
        Integer replyTo;

        Draft(int line, String clock, @Nullable Integer offset, String author, String text, @Nullable Integer votes) {
            this.line = line;
            this.clock = clock;
            this.offset = offset;
            this.author = author;
            this.text = new StringBuilder(text);
            this.votes = votes;
        }
    }

    void add(int line, String clock, @Nullable Integer offset, String author, String text, @Nullable Integer votes) {
        messages.add(new Draft(line, clock, offset, author, bounded(text), votes));
    }

    /** Adds a line to the text of the last message; false when there is none yet. */
    boolean append(String text) {
        if (messages.isEmpty()) {
            return false;
        }
        StringBuilder current = messages.getLast().text;
        if (current.length() <= ChatText.MAX_TEXT) {
            current.append('\n').append(bounded(text));
        }
        return true;
    }

    boolean hasMessages() {
        return !messages.isEmpty();
    }

    /** The last message replies to the message its excerpt names; a reply to an unknown message stays a message. */
    void replyTo(String excerpt) {
        if (!messages.isEmpty()) {
            int target = find(excerpt, messages.size() - 1);
            messages.getLast().replyTo = target < 0 ? null : target;
        }
    }

    /** A reaction: one vote more ({@code delta} 1) or less (-1) on the message its excerpt names. */
    void react(int line, String excerpt, String rawLine, int delta) {
        int target = find(excerpt, messages.size());
        if (target < 0) {
            problem(line, "qa.problem.reactionTarget", rawLine);
            return;
        }
        Draft draft = messages.get(target);
        int votes = draft.votes == null ? 0 : draft.votes;
        draft.votes = Math.max(0, votes + delta);
    }

    /** The latest message before {@code before} whose text starts with the excerpt (Zoom cuts it with "..."). */
    private int find(String excerpt, int before) {
        String start = normal(excerpt.replaceFirst("(\\.\\.\\.|…)$", ""));
        if (start.isEmpty()) {
            return -1;
        }
        for (int i = before - 1; i >= 0; i--) {
            if (normal(messages.get(i).text.toString()).startsWith(start)) {
                return i;
            }
        }
        return -1;
    }

    private static String normal(String text) {
        return ChatText.clean(text, ChatText.MAX_TEXT * 2).replaceAll("\\s+", " ");
    }

    void problem(int line, String reason, String rawLine) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new ChatProblem(line, reason, ChatText.excerpt(rawLine)));
        }
    }

    void directMessage() {
        directMessages++;
    }

    void skipped() {
        skippedItems++;
    }

    int problemCount() {
        return problemCount;
    }

    /** The messages as they will be reviewed: cleaned, cut to the limit; empty ones are reported and left out. */
    ParsedChat build(ChatFormat format) {
        List<ChatMessage> built = new ArrayList<>();
        int[] index = new int[messages.size()];
        int truncated = 0;
        for (int i = 0; i < messages.size(); i++) {
            Draft draft = messages.get(i);
            String raw = draft.text.toString().strip();
            String text = ChatText.clean(raw, ChatText.MAX_TEXT);
            if (text.isEmpty()) {
                index[i] = -1;
                problem(draft.line, "qa.problem.empty", draft.clock + " " + draft.author);
                continue;
            }
            if (text.endsWith(ChatText.ELLIPSIS) && raw.length() > ChatText.MAX_TEXT) {
                truncated++;
            }
            Integer reply = draft.replyTo == null || index[draft.replyTo] < 0 ? null : index[draft.replyTo];
            index[i] = built.size();
            built.add(ChatMessage.read(
                    draft.line,
                    draft.clock,
                    draft.offset,
                    ChatText.clean(draft.author, ChatText.MAX_AUTHOR),
                    text,
                    draft.votes,
                    reply));
        }
        return new ParsedChat(format, built, problems, problemCount, directMessages, skippedItems, truncated);
    }

    private static String bounded(String text) {
        return text.length() > ChatText.MAX_TEXT + 1 ? text.substring(0, ChatText.MAX_TEXT + 1) : text;
    }
}

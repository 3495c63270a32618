package org.parcours.library.qa;

import org.jspecify.annotations.Nullable;

/**
 * One message of a chat log as read, before review.
 *
 * @param line the line of the file where it starts (0 when it does not come from a file)
 * @param clock the time as the log wrote it ("10:04:05", "4:05"), or "" when it gave none
 * @param offsetSeconds its place in the session's timeline, or null when unknown or before the start
 * @param votes reactions the log records for it, or null when the format has none
 * @param replyTo the index (in the list of messages) of the message it replies to, if any
 * @param answered the live room marked it as answered
 * @param mergedInto the index of the message it was merged into in the live room, if any
 * @param question the source says it is a question (live room) rather than leaving it to the heuristic
 */
record ChatMessage(
        int line,
        String clock,
        @Nullable Integer offsetSeconds,
        String author,
        String text,
        @Nullable Integer votes,
        @Nullable Integer replyTo,
        boolean answered,
        @Nullable Integer mergedInto,
        @Nullable Boolean question) {

    static ChatMessage read(
            int line,
            String clock,
            @Nullable Integer offsetSeconds,
            String author,
            String text,
            @Nullable Integer votes,
            @Nullable Integer replyTo) {
        return new ChatMessage(line, clock, offsetSeconds, author, text, votes, replyTo, false, null, null);
    }
}

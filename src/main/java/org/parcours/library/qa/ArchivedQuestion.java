package org.parcours.library.qa;

import org.jspecify.annotations.Nullable;

/**
 * A question of a session's archive.
 *
 * @param authorName as the source gave it ("" when unknown); shown as the session's {@link AuthorDisplay} says
 * @param offsetSeconds its time in the session (the replay's timeline), or null
 * @param theme groups questions on the page; "" for none
 * @param votes null when the source gave none
 * @param answer the organisers' "first elements of answer", Markdown
 * @param source the {@link ChatFormat} it was imported from, or {@code MANUAL}
 */
public record ArchivedQuestion(
        long id,
        long sessionId,
        int position,
        String text,
        String authorName,
        @Nullable Integer offsetSeconds,
        String theme,
        @Nullable Integer votes,
        AnswerStatus status,
        String answer,
        boolean published,
        String source) {

    /** "22:48", "1:02:03", or "" without a time. */
    public String clock() {
        return offsetSeconds == null ? "" : Timeline.clock(offsetSeconds);
    }

    public String anchor() {
        return "question-" + id;
    }
}

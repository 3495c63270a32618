package org.parcours.library.qa;

import org.jspecify.annotations.Nullable;

/**
 * A message of an import under review, as the review table shows it.
 *
 * @param position 1, 2, 3... in the order of the log; the number the organiser sees and merges into
 * @param selected "is a question": becomes an archived question on publish
 * @param mergedInto the position of the question it counts for ("+1", a duplicate), or null
 * @param replyTo the position of the message it replies to (Zoom threads), or null
 */
public record StagedMessage(
        int position,
        int line,
        String clock,
        @Nullable Integer offsetSeconds,
        String author,
        String text,
        boolean selected,
        @Nullable Integer votes,
        @Nullable Integer mergedInto,
        @Nullable Integer replyTo,
        String theme,
        AnswerStatus status) {

    /** Its place in the session ("22:48"), or "" when it has none. */
    public String offsetClock() {
        return offsetSeconds == null ? "" : Timeline.clock(offsetSeconds);
    }
}

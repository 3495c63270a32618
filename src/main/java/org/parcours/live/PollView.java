package org.parcours.live;

import java.util.List;

/**
 * A poll with its results: {@code voters} is how many participants answered (with several choices, the option
 * counts may add up to more).
 */
public record PollView(
        long id,
        long sessionId,
        String question,
        boolean multiple,
        PollStatus status,
        List<Option> options,
        int voters) {

    public record Option(long id, String text, int count) {

        /** Share of the voters who chose this option, in whole percent. */
        public int percentOf(int voters) {
            return voters == 0 ? 0 : Math.round(100f * count / voters);
        }
    }

    public enum PollStatus {
        DRAFT,
        OPEN,
        CLOSED
    }
}

package org.parcours.library.qa;

import java.util.List;
import java.util.Map;

/**
 * One page of the review table.
 *
 * @param merged for each question on the page, how many messages are merged into it
 * @param total messages in the chosen view (questions only, or all)
 * @param page 1-based
 */
public record ReviewRows(List<StagedMessage> rows, Map<Integer, Integer> merged, int total, int page, int pages) {

    public int mergedInto(int position) {
        return merged.getOrDefault(position, 0);
    }
}

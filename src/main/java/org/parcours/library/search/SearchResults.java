package org.parcours.library.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of results.
 *
 * @param query the query as searched (cleaned and possibly shortened)
 * @param searchable false when the query had no word to search (blank, punctuation only, only small words)
 * @param kind the kind filter, if any
 * @param page the page shown, from 1
 * @param total how many documents match (with the filter)
 * @param kinds how many documents of each kind match (without the filter), by count
 */
public record SearchResults(
        String query,
        boolean searchable,
        @Nullable String kind,
        int page,
        int pageSize,
        long total,
        List<SearchHit> hits,
        List<KindCount> kinds) {

    public static SearchResults none(String query, boolean searchable) {
        return new SearchResults(query, searchable, null, 1, 0, 0, List.of(), List.of());
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return (long) page * pageSize < total;
    }

    /** The number of the first hit on this page, from 1. */
    public long first() {
        return (long) (page - 1) * pageSize + 1;
    }

    /** How many matching documents have one kind. */
    public record KindCount(String kind, long count) {}
}

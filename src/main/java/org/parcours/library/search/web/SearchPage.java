package org.parcours.library.search.web;

import org.jspecify.annotations.Nullable;
import org.parcours.library.search.SearchResults;
import org.parcours.web.Ui;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the results page shows.
 *
 * @param query what the visitor typed, cleaned (empty: the page only offers the search form)
 * @param shortened the typed text was longer than the search takes and was cut
 * @param results the results, or none for an empty query
 */
public record SearchPage(String query, boolean shortened, SearchResults results) {

    static SearchPage empty() {
        return new SearchPage("", false, SearchResults.none("", false));
    }

    public boolean hasQuery() {
        return !query.isEmpty();
    }

    /** The kind's name in the visitor's language; the kind itself for one no bundle names. */
    public String kindLabel(Ui ui, String kind) {
        String key = "search.kind." + kind;
        String label = ui.text(key);
        return label.equals(key) ? kind : label;
    }

    /** This search, with the kind filter {@code kind} (none if null) and on {@code page}. */
    public String url(@Nullable String kind, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/search").queryParam("q", query);
        if (kind != null) {
            url.queryParam("kind", kind);
        }
        if (page > 1) {
            url.queryParam("page", page);
        }
        return url.encode().build().toUriString();
    }
}

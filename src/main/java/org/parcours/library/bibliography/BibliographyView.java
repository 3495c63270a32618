package org.parcours.library.bibliography;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A bibliography as a public page shows it: each reference formatted, with its COinS ContextObject, its DOI, ISBN
 * and web links, and its note; {@code exportBase} is the path the export links add {@code .bib}, {@code .ris} and
 * {@code .json} to, offered when {@code exportable} (the cycle's exports hold its sessions' references too, so
 * they are offered while the cycle's own list is empty). Its {@code toString} covers everything shown, so it can be part of a page's ETag.
 */
public record BibliographyView(List<Entry> entries, String exportBase, boolean exportable) {

    public static final BibliographyView EMPTY = new BibliographyView(List.of(), "", false);

    public BibliographyView {
        entries = List.copyOf(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * One reference: {@code anchor} is its HTML id ({@code reference-<id>}), {@code coins} the title of its COinS
     * span, {@code language} the language of the work if known.
     */
    public record Entry(
            long id,
            String anchor,
            ReferenceKind kind,
            Citation citation,
            String coins,
            List<Link> links,
            @Nullable String note,
            @Nullable String language) {}

    /** A link to the work: {@code kind} is {@code doi}, {@code isbn} or {@code url}; {@code value} is shown. */
    public record Link(String kind, String href, String value) {}
}

package org.parcours.library.bibliography;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a reference says, without where it belongs: what forms, parsers and exports exchange. Optional text fields
 * are null rather than blank; {@code pages} uses an en dash for ranges; {@code doi} is the bare DOI (10.x/y);
 * {@code language} a BCP 47 code; {@code note} plain text.
 */
public record ReferenceData(
        ReferenceKind kind,
        List<Author> authors,
        String title,
        @Nullable String container,
        @Nullable String publisher,
        @Nullable String place,
        @Nullable Integer year,
        @Nullable String pages,
        @Nullable String url,
        @Nullable String doi,
        @Nullable String isbn,
        @Nullable String language,
        @Nullable String note) {

    public ReferenceData {
        authors = List.copyOf(authors);
    }

    /** The first page and the last one of a range ("12–34"), or the pages as given when they are not a range. */
    public String @Nullable [] pageRange() {
        if (pages == null) {
            return null;
        }
        int dash = pages.indexOf('–');
        return dash < 0
                ? new String[] {pages}
                : new String[] {
                    pages.substring(0, dash).strip(), pages.substring(dash + 1).strip()
                };
    }
}

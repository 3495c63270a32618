package org.parcours.library.bibliography;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * COinS (ContextObjects in Spans): the OpenURL 1.0 ContextObject (Z39.88-2004, key/encoded-value format) that a
 * page puts in the {@code title} of a {@code <span class="Z3988">} so reference managers' browser connectors
 * (Zotero...) find the reference. Books, chapters and reports use the book metadata format, articles the journal
 * format, videos and web pages Dublin Core. Values are UTF-8 percent-encoded (a space is %20).
 */
final class Coins {

    static final String BOOK = "info:ofi/fmt:kev:mtx:book";
    static final String JOURNAL = "info:ofi/fmt:kev:mtx:journal";
    static final String DC = "info:ofi/fmt:kev:mtx:dc";

    private Coins() {}

    static String contextObject(ReferenceData r) {
        List<String> pairs = new ArrayList<>();
        add(pairs, "ctx_ver", "Z39.88-2004");
        switch (r.kind()) {
            case ARTICLE -> {
                add(pairs, "rft_val_fmt", JOURNAL);
                add(pairs, "rft.genre", "article");
                add(pairs, "rft.atitle", r.title());
                add(pairs, "rft.jtitle", r.container());
                authors(pairs, r, "rft.au");
                add(pairs, "rft.date", year(r));
                pages(pairs, r);
            }
            case BOOK, CHAPTER, REPORT -> {
                add(pairs, "rft_val_fmt", BOOK);
                if (r.kind() == ReferenceKind.CHAPTER) {
                    add(pairs, "rft.genre", "bookitem");
                    add(pairs, "rft.atitle", r.title());
                    add(pairs, "rft.btitle", r.container());
                } else {
                    add(pairs, "rft.genre", r.kind() == ReferenceKind.REPORT ? "report" : "book");
                    add(pairs, "rft.btitle", r.title());
                    add(pairs, "rft.series", r.container());
                }
                authors(pairs, r, "rft.au");
                add(pairs, "rft.date", year(r));
                add(pairs, "rft.pub", r.publisher());
                add(pairs, "rft.place", r.place());
                pages(pairs, r);
                add(pairs, "rft.isbn", r.isbn());
            }
            case VIDEO, WEB_PAGE -> {
                add(pairs, "rft_val_fmt", DC);
                add(pairs, "rft.type", r.kind() == ReferenceKind.VIDEO ? "MovingImage" : "Text");
                add(pairs, "rft.title", r.title());
                authors(pairs, r, "rft.creator");
                add(pairs, "rft.date", year(r));
                add(pairs, "rft.publisher", r.publisher() != null ? r.publisher() : r.container());
                add(pairs, "rft.language", r.language());
            }
        }
        if (r.kind() != ReferenceKind.VIDEO && r.kind() != ReferenceKind.WEB_PAGE) {
            add(pairs, "rft.language", r.language());
        }
        if (r.doi() != null) {
            add(pairs, "rft_id", "info:doi/" + r.doi());
        }
        add(pairs, "rft_id", r.url());
        add(pairs, "rfr_id", "info:sid/parcours");
        return String.join("&", pairs);
    }

    private static void authors(List<String> pairs, ReferenceData r, String key) {
        boolean first = true;
        for (Author a : r.authors()) {
            if (first && !a.isOrganisation() && key.equals("rft.au")) {
                add(pairs, "rft.aulast", a.family());
                add(pairs, "rft.aufirst", a.given());
            }
            if (first && a.isOrganisation() && key.equals("rft.au")) {
                add(pairs, "rft.aucorp", a.literal());
            }
            add(
                    pairs,
                    key,
                    a.isOrganisation() ? a.literal() : a.given() == null ? a.family() : a.family() + ", " + a.given());
            first = false;
        }
    }

    private static void pages(List<String> pairs, ReferenceData r) {
        String[] range = r.pageRange();
        if (range == null) {
            return;
        }
        add(pairs, "rft.pages", r.pages() == null ? null : r.pages().replace('–', '-'));
        add(pairs, "rft.spage", range[0]);
        add(pairs, "rft.epage", range.length > 1 ? range[1] : null);
    }

    private static @Nullable String year(ReferenceData r) {
        return r.year() == null ? null : String.valueOf(r.year());
    }

    private static void add(List<String> pairs, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            pairs.add(
                    key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        }
    }
}

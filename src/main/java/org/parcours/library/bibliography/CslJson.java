package org.parcours.library.bibliography;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A reference as a CSL-JSON item (the data model of the Citation Style Language, read by Zotero, Pandoc and CSL
 * processors): the CSL-JSON export writes these, and {@link Citations} gives them to citeproc-java. The note goes
 * in {@code annote} (the reader's notes about the item).
 */
final class CslJson {

    private CslJson() {}

    static Map<String, Object> item(String id, ReferenceData r) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id);
        item.put("type", r.kind().csl());
        if (!r.authors().isEmpty()) {
            List<Map<String, Object>> authors = new ArrayList<>();
            for (Author a : r.authors()) {
                Map<String, Object> name = new LinkedHashMap<>();
                if (a.isOrganisation()) {
                    name.put("literal", a.literal());
                } else {
                    name.put("family", a.family());
                    put(name, "given", a.given());
                }
                authors.add(name);
            }
            item.put("author", authors);
        }
        item.put("title", r.title());
        put(item, "container-title", r.container());
        put(item, "publisher", r.publisher());
        put(item, "publisher-place", r.place());
        if (r.year() != null) {
            item.put("issued", Map.of("date-parts", List.of(List.of(r.year()))));
        }
        put(item, "page", r.pages());
        put(item, "URL", r.url());
        put(item, "DOI", r.doi());
        put(item, "ISBN", r.isbn());
        put(item, "language", r.language());
        put(item, "annote", r.note());
        return item;
    }

    private static void put(Map<String, Object> map, String key, @Nullable String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}

package org.parcours.library.bibliography;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes references as RIS: "TAG  - value" lines ended by CRLF, as the format asks, one record per reference from
 * {@code TY} to {@code ER}. Authors use the one-line form of {@link Author#line()} (a comma makes a person), the
 * container goes in {@code T2}, pages in {@code SP}/{@code EP}, the note in {@code N1}.
 */
final class RisWriter {

    private RisWriter() {}

    static String write(List<ReferenceData> references) {
        StringBuilder out = new StringBuilder();
        for (ReferenceData r : references) {
            line(out, "TY", r.kind().ris());
            r.authors().forEach(a -> line(out, "AU", a.line()));
            line(out, "TI", r.title());
            line(out, "T2", r.container());
            line(out, "PB", r.publisher());
            line(out, "CY", r.place());
            line(out, "PY", r.year() == null ? null : r.year().toString());
            String[] pages = r.pageRange();
            if (pages != null) {
                line(out, "SP", pages[0]);
                line(out, "EP", pages.length > 1 ? pages[1] : null);
            }
            line(out, "UR", r.url());
            line(out, "DO", r.doi());
            line(out, "SN", r.isbn());
            line(out, "LA", r.language());
            line(out, "N1", r.note());
            out.append("ER  - \r\n\r\n");
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String tag, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            out.append(tag)
                    .append("  - ")
                    .append(value.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip())
                    .append("\r\n");
        }
    }
}

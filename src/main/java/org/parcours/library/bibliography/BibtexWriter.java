package org.parcours.library.bibliography;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXFormatter;
import org.jbibtex.Key;
import org.jbibtex.StringValue;
import org.jspecify.annotations.Nullable;

/**
 * Writes references as a UTF-8 BibTeX file (biblatex field names where BibTeX has none: {@code @online},
 * {@code @video}), formatted by jbibtex. Text is UTF-8 with LaTeX's special characters escaped, so that {@link
 * BibtexReader} reads back exactly the same references; URLs and DOIs are written verbatim. People are written
 * "Family, Given"; organisations in braces, as one name. The note goes in {@code annote}.
 */
final class BibtexWriter {

    private BibtexWriter() {}

    static String write(List<ReferenceData> references) {
        BibTeXDatabase database = new BibTeXDatabase();
        CitationKeys keys = new CitationKeys();
        for (ReferenceData r : references) {
            BibTeXEntry entry = new BibTeXEntry(new Key(r.kind().bibtex()), new Key(keys.next(r)));
            if (!r.authors().isEmpty()) {
                put(
                        entry,
                        "author",
                        r.authors().stream().map(BibtexWriter::name).collect(Collectors.joining(" and ")));
            }
            put(entry, "title", escape(r.title()));
            put(entry, r.kind() == ReferenceKind.ARTICLE ? "journal" : "booktitle", escape(r.container()));
            put(entry, r.kind() == ReferenceKind.REPORT ? "institution" : "publisher", escape(r.publisher()));
            put(entry, "address", escape(r.place()));
            put(entry, "year", r.year() == null ? null : r.year().toString());
            put(entry, "pages", r.pages() == null ? null : escape(r.pages()).replace("–", "--"));
            put(entry, "url", verbatim(r.url()));
            put(entry, "doi", verbatim(r.doi()));
            put(entry, "isbn", verbatim(r.isbn()));
            put(entry, "language", escape(r.language()));
            put(entry, "annote", escape(r.note()));
            database.addObject(entry);
        }
        StringWriter out = new StringWriter();
        BibTeXFormatter formatter = new BibTeXFormatter();
        formatter.setIndent("  ");
        try {
            formatter.format(database, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    private static void put(BibTeXEntry entry, String field, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            entry.addField(new Key(field), new StringValue(value, StringValue.Style.BRACED));
        }
    }

    private static String name(Author a) {
        if (a.isOrganisation()) {
            return "{" + escape(a.literal()) + "}";
        }
        // "Family," even without a given name, so that a family name of several words stays whole
        String family = escape(a.family());
        if (family.toLowerCase(java.util.Locale.ROOT).contains(" and ")) {
            family = "{" + family + "}";
        }
        return a.given() == null ? family + "," : family + ", " + escape(a.given());
    }

    /** LaTeX's special characters, as {@link LatexText} reads them back. */
    static String escape(@Nullable String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '%', '&', '$', '#', '_' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                case '`' -> out.append("\\textasciigrave{}");
                case '\u00A0' -> out.append('~');
                case '-', '\'' -> out.append(c).append(next == c ? "{}" : "");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static @Nullable String verbatim(@Nullable String value) {
        return value == null ? null : value.replace("{", "%7B").replace("}", "%7D");
    }
}

package org.parcours.library.bibliography.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.parcours.library.bibliography.Author;
import org.parcours.library.bibliography.ReferenceData;
import org.parcours.library.bibliography.ReferenceKind;

/**
 * The reference form as submitted, all text. Authors are one per line: "Family, Given" for a person, a name
 * without a comma for an organisation. {@link #toData()} is empty when the kind or the year cannot be read; the
 * rest is checked by the bibliography's rules.
 */
public record ReferenceForm(
        @Nullable String kind,
        @Nullable String authors,
        @Nullable String title,
        @Nullable String container,
        @Nullable String publisher,
        @Nullable String place,
        @Nullable String year,
        @Nullable String pages,
        @Nullable String url,
        @Nullable String doi,
        @Nullable String isbn,
        @Nullable String language,
        @Nullable String note) {

    static final ReferenceForm EMPTY =
            new ReferenceForm(ReferenceKind.BOOK.name(), "", "", "", "", "", "", "", "", "", "", "", "");

    static ReferenceForm of(ReferenceData d) {
        return new ReferenceForm(
                d.kind().name(),
                d.authors().stream().map(Author::line).collect(Collectors.joining("\n")),
                d.title(),
                text(d.container()),
                text(d.publisher()),
                text(d.place()),
                d.year() == null ? "" : d.year().toString(),
                text(d.pages()),
                text(d.url()),
                text(d.doi()),
                text(d.isbn()),
                text(d.language()),
                text(d.note()));
    }

    @Nullable
    ReferenceKind kindValue() {
        try {
            return kind == null ? null : ReferenceKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The year as a number; null when blank; -1 when it is not a number. */
    @Nullable
    Integer yearValue() {
        if (year == null || year.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(year.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    ReferenceData toData() {
        List<Author> list = new ArrayList<>();
        if (authors != null) {
            for (String line : authors.split("\\R")) {
                Author author = Author.parseLine(line);
                if (author != null) {
                    list.add(author);
                }
            }
        }
        ReferenceKind k = kindValue();
        return new ReferenceData(
                k == null ? ReferenceKind.BOOK : k,
                list,
                text(title),
                container,
                publisher,
                place,
                yearValue(),
                pages,
                url,
                doi,
                isbn,
                language,
                note);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}

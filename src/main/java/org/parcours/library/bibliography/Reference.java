package org.parcours.library.bibliography;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A stored reference: its content, and its place in the bibliography of a session ({@code sessionId}) or of the
 * whole cycle ({@code sessionId} null), ordered by {@code position} (1..n).
 */
@Table("library_reference")
public record Reference(
        @Id @Nullable Long id,
        long cycleId,
        @Nullable Long sessionId,
        int position,
        ReferenceKind kind,
        String title,
        @Nullable String container,
        @Nullable String publisher,
        @Nullable String place,
        @Column("publication_year") @Nullable Integer year,
        @Nullable String pages,
        @Nullable String url,
        @Nullable String doi,
        @Nullable String isbn,
        @Nullable String language,
        @Nullable String note,
        OffsetDateTime updatedAt,

        @MappedCollection(idColumn = "reference_id", keyColumn = "position")
        List<Author> authors) {

    public Reference {
        authors = List.copyOf(authors);
    }

    static Reference of(@Nullable Long id, Owner owner, int position, ReferenceData data, OffsetDateTime updatedAt) {
        return new Reference(
                id,
                owner.cycleId(),
                owner.sessionId(),
                position,
                data.kind(),
                data.title(),
                data.container(),
                data.publisher(),
                data.place(),
                data.year(),
                data.pages(),
                data.url(),
                data.doi(),
                data.isbn(),
                data.language(),
                data.note(),
                updatedAt,
                data.authors());
    }

    public ReferenceData data() {
        return new ReferenceData(
                kind, authors, title, container, publisher, place, year, pages, url, doi, isbn, language, note);
    }

    public Owner owner() {
        return new Owner(cycleId, sessionId);
    }

    Reference at(int newPosition, OffsetDateTime now) {
        return of(id, owner(), newPosition, data(), now);
    }
}

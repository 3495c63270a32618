package org.parcours.library.bibliography;

import org.jspecify.annotations.Nullable;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One author of a reference: a person ({@code family} and optional {@code given} names) or an organisation named
 * as written ({@code literal}). Exactly one of {@code family} and {@code literal} is set.
 */
@Table("library_reference_author")
public record Author(
        @Nullable String family,
        @Nullable String given,
        @Nullable String literal) {

    public static Author person(String family, @Nullable String given) {
        return new Author(family, given == null || given.isBlank() ? null : given, null);
    }

    public static Author organisation(String name) {
        return new Author(null, null, name);
    }

    public boolean isOrganisation() {
        return literal != null;
    }

    /**
     * The one-line form organisers type and RIS uses: "Family, Given" for a person, the name alone for an
     * organisation (which therefore has no comma).
     */
    public String line() {
        if (literal != null) {
            return literal;
        }
        return given == null ? family + "," : family + ", " + given;
    }

    /** Reads {@link #line()}: a comma makes a person; no comma, an organisation. */
    public static @Nullable Author parseLine(String line) {
        String text = line.strip();
        if (text.isEmpty()) {
            return null;
        }
        int comma = text.indexOf(',');
        if (comma < 0) {
            return organisation(text);
        }
        String family = text.substring(0, comma).strip();
        String given = text.substring(comma + 1).strip();
        return family.isEmpty() ? null : person(family, given);
    }
}

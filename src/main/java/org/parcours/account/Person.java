package org.parcours.account;

import java.time.OffsetDateTime;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Someone known to Parcours. Only organisers have a password; {@code passwordHash} carries the encoder id prefix
 * (e.g. {@code {argon2@SpringSecurity_v5_8}…}) and is never shown, not even by {@link #toString()}.
 */
@Table("person")
public record Person(
        @Id @Nullable Long id,
        String email,
        String displayName,
        @Nullable String passwordHash,
        Role role,
        String locale,
        OffsetDateTime createdAt) {

    /** E-mail addresses are compared case-insensitively, so they are stored trimmed and in lower case. */
    public static String normaliseEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "Person[id=" + id + ", email=" + email + ", role=" + role + "]";
    }
}

package org.parcours.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.parcours.account.Person;

/** The "my account" form. The address and the language are checked by the controller. */
public record AccountForm(
        @NotBlank @Size(max = 200) @Nullable String displayName,
        @Nullable String email,
        @Nullable String language) {

    static AccountForm of(Person person) {
        return new AccountForm(person.displayName(), person.email(), person.locale());
    }

    public String displayNameValue() {
        return displayName == null ? "" : displayName.strip();
    }

    public String emailValue() {
        return email == null ? "" : email.strip();
    }

    public String languageValue() {
        return language == null ? "" : language;
    }
}

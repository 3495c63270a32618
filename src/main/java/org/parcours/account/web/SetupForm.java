package org.parcours.account.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What the first organiser types on the setup page. Passwords are never sent back to the browser. */
public record SetupForm(
        @NotBlank @Size(max = 200) @Nullable String displayName,
        @NotBlank @Email @Size(max = 320) @Nullable String email,

        @NotBlank @Size(min = MIN_PASSWORD, max = 500) @Nullable
        String password,

        @Nullable String passwordConfirmation) {

    public static final int MIN_PASSWORD = 12;

    static SetupForm empty() {
        return new SetupForm("", "", "", "");
    }

    public String displayNameValue() {
        return displayName == null ? "" : displayName;
    }

    public String emailValue() {
        return email == null ? "" : email;
    }

    @Override
    public String toString() {
        return "SetupForm[email=" + email + "]";
    }
}

package org.parcours.registration.training.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.parcours.registration.training.ApplicationInput;

/** The fixed fields of the public application form; the answers to the organiser's questions come separately. */
record ApplicationForm(
        @Nullable @NotBlank @Size(max = ApplicationInput.MAX_NAME)
        String name,

        @Nullable @NotBlank @Size(max = 320) String email,

        @Nullable @Size(max = ApplicationInput.MAX_ORGANISATION)
        String organisation,

        @Nullable @NotBlank @Size(max = ApplicationInput.MAX_MOTIVATION)
        String motivation) {

    static ApplicationForm empty() {
        return new ApplicationForm("", "", "", "");
    }

    String nameValue() {
        return name == null ? "" : name.strip();
    }

    String emailValue() {
        return email == null ? "" : email.strip();
    }

    String organisationValue() {
        return organisation == null ? "" : organisation.strip();
    }

    String motivationValue() {
        return motivation == null ? "" : motivation.strip();
    }
}

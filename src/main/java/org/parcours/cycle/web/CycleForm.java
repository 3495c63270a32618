package org.parcours.cycle.web;

import static org.parcours.cycle.web.FormValues.markdown;
import static org.parcours.cycle.web.FormValues.text;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.EditFields.CycleFields;
import org.springframework.validation.Errors;

/** The cycle form of the admin. A blank slug is derived from the title. */
public record CycleForm(
        @NotBlank @Size(max = 200) @Nullable String title,

        @Size(max = Slugs.MAX) @Pattern(regexp = Slugs.OPTIONAL) @Nullable
        String slug,

        @Size(max = 1000) @Nullable String summary,
        @Size(max = 50_000) @Nullable String description,
        @NotBlank @Pattern(regexp = "fr|en") @Nullable String language,
        @NotBlank @Size(max = 64) @Nullable String timeZone) {

    static CycleForm empty(String language) {
        return new CycleForm("", "", "", "", language, FormValues.DEFAULT_ZONE);
    }

    static CycleForm of(Cycle cycle) {
        return new CycleForm(
                cycle.title(), cycle.slug(), cycle.summary(), cycle.description(), cycle.language(), cycle.timeZone());
    }

    /** Checks the annotations cannot express; call after bean validation. */
    void check(Errors errors) {
        if (!errors.hasFieldErrors("timeZone") && FormValues.zone(timeZone).isEmpty()) {
            errors.rejectValue("timeZone", "admin.error.zone");
        }
        if (!errors.hasFieldErrors("title")
                && text(slug).isEmpty()
                && Slugs.fromTitle(text(title)).isEmpty()) {
            errors.rejectValue("slug", "admin.error.slugRequired");
        }
    }

    CycleFields toFields() {
        String chosen = text(slug);
        return new CycleFields(
                chosen.isEmpty() ? Slugs.fromTitle(text(title)) : chosen,
                text(title),
                text(summary),
                markdown(description),
                text(language),
                text(timeZone));
    }
}

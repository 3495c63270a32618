package org.parcours.cycle.web;

import static org.parcours.cycle.web.FormValues.markdown;
import static org.parcours.cycle.web.FormValues.text;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.CycleStatus;
import org.parcours.cycle.EditFields.TrainingFields;
import org.parcours.cycle.Training;
import org.springframework.validation.Errors;

/** The training form of the admin. Dates are what {@code <input type="date">} sends. */
public record TrainingForm(
        @NotBlank @Size(max = 200) @Nullable String title,

        @Size(max = Slugs.MAX) @Pattern(regexp = Slugs.OPTIONAL) @Nullable
        String slug,

        @Size(max = 1000) @Nullable String summary,
        @Size(max = 50_000) @Nullable String description,
        @NotBlank @Size(max = 300) @Nullable String place,
        @NotBlank @Nullable String startsOn,
        @NotBlank @Nullable String endsOn,
        @NotNull @Min(0) @Max(100_000) @Nullable Integer capacity,
        @Size(max = 200) @Nullable String priceText,
        @NotNull @Nullable CycleStatus status,
        @Nullable Long cycleId) {

    static TrainingForm empty() {
        return new TrainingForm("", "", "", "", "", "", "", 20, "", CycleStatus.DRAFT, null);
    }

    static TrainingForm of(Training training) {
        return new TrainingForm(
                training.title(),
                training.slug(),
                training.summary(),
                training.description(),
                training.place(),
                training.startsOn().toString(),
                training.endsOn().toString(),
                training.capacity(),
                training.priceText(),
                training.status(),
                training.cycleId());
    }

    void check(Errors errors) {
        Optional<LocalDate> start = FormValues.date(startsOn);
        Optional<LocalDate> end = FormValues.date(endsOn);
        if (!errors.hasFieldErrors("startsOn") && start.isEmpty()) {
            errors.rejectValue("startsOn", "admin.error.date");
        }
        if (!errors.hasFieldErrors("endsOn") && end.isEmpty()) {
            errors.rejectValue("endsOn", "admin.error.date");
        }
        if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
            errors.rejectValue("endsOn", "admin.error.endBeforeStart");
        }
        if (!errors.hasFieldErrors("title")
                && text(slug).isEmpty()
                && Slugs.fromTitle(text(title)).isEmpty()) {
            errors.rejectValue("slug", "admin.error.slugRequired");
        }
    }

    /** Only after {@link #check} found nothing. */
    TrainingFields toFields() {
        String chosen = text(slug);
        return new TrainingFields(
                cycleId,
                chosen.isEmpty() ? Slugs.fromTitle(text(title)) : chosen,
                text(title),
                text(summary),
                markdown(description),
                text(place),
                FormValues.date(startsOn).orElseThrow(),
                FormValues.date(endsOn).orElseThrow(),
                Objects.requireNonNull(capacity),
                text(priceText),
                Objects.requireNonNull(status));
    }

    public String cycleIdValue() {
        return cycleId == null ? "" : cycleId.toString();
    }
}

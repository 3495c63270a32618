package org.parcours.cycle.web;

import static org.parcours.cycle.web.FormValues.markdown;
import static org.parcours.cycle.web.FormValues.optional;
import static org.parcours.cycle.web.FormValues.text;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.EditFields.SessionFields;
import org.parcours.cycle.Session;
import org.springframework.validation.Errors;

/**
 * The session form of the admin. The start is what an {@code <input type="datetime-local">} sends, read in the
 * session's own time zone.
 */
public record SessionForm(
        @NotBlank @Size(max = 200) @Nullable String title,

        @Size(max = Slugs.MAX) @Pattern(regexp = Slugs.OPTIONAL) @Nullable
        String slug,

        @NotBlank @Nullable String startsAt,
        @NotBlank @Size(max = 64) @Nullable String timeZone,
        @NotNull @Min(1) @Max(1440) @Nullable Integer durationMinutes,
        @Size(max = 1000) @Nullable String summary,
        @Size(max = 50_000) @Nullable String description,
        @Size(max = 1000) @Nullable String livestreamUrl,
        @Size(max = 1000) @Nullable String conferenceUrl,
        @NotNull @Min(0) @Max(100_000) @Nullable Integer seatCap) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** A new session: same time one week after the cycle's last session, if any, in the cycle's zone. */
    static SessionForm empty(Cycle cycle, @Nullable Session last) {
        String start = last == null ? "" : LOCAL.format(last.start().plusWeeks(1));
        int duration = last == null ? 60 : last.durationMinutes();
        String zone = last == null ? cycle.timeZone() : last.timeZone();
        return new SessionForm("", "", start, zone, duration, "", "", "", "", Session.DEFAULT_SEAT_CAP);
    }

    static SessionForm of(Session session) {
        return new SessionForm(
                session.title(),
                session.slug(),
                LOCAL.format(session.start()),
                session.timeZone(),
                session.durationMinutes(),
                session.summary(),
                session.description(),
                Objects.requireNonNullElse(session.livestreamUrl(), ""),
                Objects.requireNonNullElse(session.conferenceUrl(), ""),
                session.seatCap());
    }

    void check(Errors errors) {
        if (!errors.hasFieldErrors("timeZone") && FormValues.zone(timeZone).isEmpty()) {
            errors.rejectValue("timeZone", "admin.error.zone");
        }
        if (!errors.hasFieldErrors("startsAt")
                && FormValues.localDateTime(startsAt).isEmpty()) {
            errors.rejectValue("startsAt", "admin.error.dateTime");
        }
        if (!errors.hasFieldErrors("title")
                && text(slug).isEmpty()
                && Slugs.fromTitle(text(title)).isEmpty()) {
            errors.rejectValue("slug", "admin.error.slugRequired");
        }
        checkUrl(errors, "livestreamUrl", livestreamUrl);
        checkUrl(errors, "conferenceUrl", conferenceUrl);
    }

    private static void checkUrl(Errors errors, String field, @Nullable String value) {
        String url = text(value);
        if (!errors.hasFieldErrors(field) && !url.isEmpty() && !FormValues.isWebUrl(url)) {
            errors.rejectValue(field, "admin.error.url");
        }
    }

    /** Only after {@link #check} found nothing. */
    SessionFields toFields() {
        ZoneId zone = FormValues.zone(timeZone).orElseThrow();
        String chosen = text(slug);
        return new SessionFields(
                chosen.isEmpty() ? Slugs.fromTitle(text(title)) : chosen,
                text(title),
                FormValues.localDateTime(startsAt).orElseThrow().atZone(zone).toOffsetDateTime(),
                zone.getId(),
                Objects.requireNonNull(durationMinutes),
                text(summary),
                markdown(description),
                optional(livestreamUrl),
                optional(conferenceUrl),
                Objects.requireNonNull(seatCap));
    }
}

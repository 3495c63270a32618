package org.parcours.cycle;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * What an organiser may change, as {@link CycleEditor} takes it: already validated and normalised by the admin
 * forms (slugs well-formed, zones valid, URLs http(s), dates in order).
 */
public final class EditFields {

    private EditFields() {}

    public record CycleFields(
            String slug, String title, String summary, String description, String language, String timeZone) {}

    public record SessionFields(
            String slug,
            String title,
            OffsetDateTime startsAt,
            String timeZone,
            int durationMinutes,
            String summary,
            String description,
            @Nullable String livestreamUrl,
            @Nullable String conferenceUrl,
            int seatCap) {}

    public record TrainingFields(
            @Nullable Long cycleId,
            String slug,
            String title,
            String summary,
            String description,
            String place,
            LocalDate startsOn,
            LocalDate endsOn,
            int capacity,
            String priceText,
            CycleStatus status) {}
}

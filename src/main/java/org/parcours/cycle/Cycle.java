package org.parcours.cycle;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A cycle: an ordered path of sessions meant to be followed as a whole. {@code description} is Markdown.
 */
@Table("cycle")
public record Cycle(
        @Id @Nullable Long id,
        String slug,
        String title,
        String summary,
        String description,
        String language,
        CycleStatus status,
        String timeZone,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public boolean published() {
        return status == CycleStatus.PUBLISHED;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}

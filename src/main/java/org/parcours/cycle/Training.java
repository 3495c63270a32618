package org.parcours.cycle;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A multi-day training that goes further than a cycle, optionally attached to one. */
@Table("training")
public record Training(
        @Id @Nullable Long id,
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
        CycleStatus status,
        OffsetDateTime updatedAt) {

    public long days() {
        return ChronoUnit.DAYS.between(startsOn, endsOn) + 1;
    }

    public boolean published() {
        return status == CycleStatus.PUBLISHED;
    }
}

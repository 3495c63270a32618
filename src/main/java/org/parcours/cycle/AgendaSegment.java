package org.parcours.cycle;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One planned moment of a session; its position is the list index in {@link Session#agenda()}. */
@Table("agenda_segment")
public record AgendaSegment(@Id @Nullable Long id, SegmentKind kind, String title, int plannedMinutes) {

    public static AgendaSegment of(SegmentKind kind, String title, int plannedMinutes) {
        return new AgendaSegment(null, kind, title, plannedMinutes);
    }
}

package org.parcours.cycle.web;

import static org.parcours.cycle.web.FormValues.text;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.AgendaSegment;
import org.parcours.cycle.SegmentKind;
import org.parcours.cycle.Session;

/**
 * The agenda editor: every segment as an editable row, plus an optional new row. The whole list is sent with
 * every button (save, move, remove, add), so no typing is lost whichever button is pressed.
 */
public record AgendaForm(
        @Valid @Nullable List<Row> rows, @Nullable Row added) {

    public record Row(
            @NotNull @Nullable SegmentKind kind,
            @NotBlank @Size(max = 200) @Nullable String title,
            @NotNull @Min(1) @Max(1440) @Nullable Integer minutes) {

        static Row blank() {
            return new Row(SegmentKind.PRESENTATION, "", null);
        }

        public String kindValue() {
            return kind == null ? "" : kind.name();
        }

        AgendaSegment toSegment() {
            return AgendaSegment.of(Objects.requireNonNull(kind), text(title), Objects.requireNonNull(minutes));
        }
    }

    static AgendaForm of(Session session) {
        return new AgendaForm(
                session.agenda().stream()
                        .map(s -> new Row(s.kind(), s.title(), s.plannedMinutes()))
                        .toList(),
                Row.blank());
    }

    public List<Row> rowList() {
        return rows == null ? List.of() : rows;
    }

    /** Whether the organiser typed something in the new row, which then must be valid too. */
    boolean hasAddition() {
        return added != null && !text(added.title()).isEmpty();
    }

    /** The rows after {@code action}, the new row appended; the new row is blank again. */
    AgendaForm apply(RowAction action) {
        List<Row> result = action.apply(new ArrayList<>(rowList()));
        if (hasAddition()) {
            result.add(added);
        }
        return new AgendaForm(result, Row.blank());
    }

    List<AgendaSegment> toSegments() {
        return rowList().stream().map(Row::toSegment).toList();
    }

    public int totalMinutes() {
        return rowList().stream()
                .mapToInt(r -> r.minutes() == null ? 0 : r.minutes())
                .sum();
    }
}

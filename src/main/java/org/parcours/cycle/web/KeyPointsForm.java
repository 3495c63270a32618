package org.parcours.cycle.web;

import static org.parcours.cycle.web.FormValues.text;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Session;

/** The key-point editor: same mechanics as {@link AgendaForm}, one text per row. */
public record KeyPointsForm(
        @Valid @Nullable List<Row> rows,
        @Nullable @Size(max = 1000) String added) {

    public record Row(@NotBlank @Size(max = 1000) @Nullable String text) {}

    static KeyPointsForm of(Session session) {
        return new KeyPointsForm(
                session.keyPoints().stream().map(k -> new Row(k.text())).toList(), "");
    }

    public List<Row> rowList() {
        return rows == null ? List.of() : rows;
    }

    KeyPointsForm apply(RowAction action) {
        List<Row> result = action.apply(new ArrayList<>(rowList()));
        if (!text(added).isEmpty()) {
            result.add(new Row(text(added)));
        }
        return new KeyPointsForm(result, "");
    }

    List<String> toTexts() {
        return rowList().stream().map(r -> text(r.text())).toList();
    }

    /** For the template: how many key points there are now. */
    public int size() {
        return rowList().size();
    }
}

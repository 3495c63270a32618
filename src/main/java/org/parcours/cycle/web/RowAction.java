package org.parcours.cycle.web;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a button of a row editor asks for, from its {@code action} value: {@code save}, {@code up-3}, {@code
 * down-3} or {@code remove-3} (row indexes from 0).
 */
record RowAction(String verb, int index) {

    private static final Pattern SHAPE = Pattern.compile("(save)|(up|down|remove)-(\\d{1,4})");

    static final RowAction SAVE = new RowAction("save", -1);

    /** Empty for a value no button of ours sends. */
    static Optional<RowAction> parse(String value) {
        Matcher m = SHAPE.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) != null ? SAVE : new RowAction(m.group(2), Integer.parseInt(m.group(3))));
    }

    boolean removes() {
        return verb.equals("remove");
    }

    /** Applies the move or removal in place and returns the list; out-of-range indexes change nothing. */
    <T> List<T> apply(List<T> rows) {
        if (index < 0 || index >= rows.size()) {
            return rows;
        }
        switch (verb) {
            case "remove" -> rows.remove(index);
            case "up" -> {
                if (index > 0) {
                    rows.add(index - 1, rows.remove(index));
                }
            }
            case "down" -> {
                if (index < rows.size() - 1) {
                    rows.add(index + 1, rows.remove(index));
                }
            }
            default -> {}
        }
        return rows;
    }
}

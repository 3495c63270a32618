package org.parcours.library.qa;

/**
 * Why a review submission was refused: the row ({@code position}, 0 for the whole import), the field ({@code
 * text}, {@code votes}, {@code theme}, {@code merge}, or "" for the row), and the message key with its arguments.
 */
public record ReviewProblem(int position, String field, String key, Object... args) {

    /** The HTML id of the field's input in the review table, as {@code FormErrors.id} would write it. */
    public String inputId() {
        return field.isEmpty() ? "row-" + position : "f-" + field + "-" + position;
    }
}

package org.parcours.library.bibliography;

/**
 * Why a reference cannot be saved: the field ({@code authors}, {@code title}, {@code doi}...) and the message key
 * in the {@code bibliography} bundle, which names the field; its one argument is the field's limit, if any.
 */
public record ReferenceProblem(String field, String messageKey, int limit) {

    static ReferenceProblem of(String field, String problem) {
        return new ReferenceProblem(field, "bibliography.problem." + problem, 0);
    }

    static ReferenceProblem tooLong(String field, int limit) {
        return new ReferenceProblem(field, "bibliography.problem.tooLong." + field, limit);
    }
}

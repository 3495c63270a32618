package org.parcours.library.qa;

import org.jspecify.annotations.Nullable;

/** An organiser's edit of an archived question, already checked (see {@code QuestionForm} in the web layer). */
public record QuestionEdit(
        String text,
        String authorName,
        @Nullable Integer offsetSeconds,
        String theme,
        @Nullable Integer votes,
        AnswerStatus status,
        String answer,
        boolean published) {}

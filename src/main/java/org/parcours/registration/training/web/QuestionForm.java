package org.parcours.registration.training.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.parcours.registration.training.TrainingQuestion;

/** A new question of a training's application form. */
record QuestionForm(
        @Nullable @NotBlank @Size(max = TrainingQuestion.MAX_LABEL)
        String label,

        @Nullable Boolean required) {

    static QuestionForm empty() {
        return new QuestionForm("", Boolean.TRUE);
    }

    boolean requiredValue() {
        return Boolean.TRUE.equals(required);
    }
}

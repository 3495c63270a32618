package org.parcours.registration.training.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Training;
import org.parcours.registration.training.TrainingQuestion;
import org.parcours.web.FormErrors;

/**
 * The application form page.
 *
 * @param answers what the applicant wrote, by question id
 * @param answerErrors the problem with each answer, by question id
 * @param open whether applications are still accepted
 * @param sent whether this is the page shown after sending
 */
public record ApplyPage(
        Training training,
        List<TrainingQuestion> questions,
        String name,
        String email,
        String organisation,
        String motivation,
        Map<Long, String> answers,
        FormErrors errors,
        Map<Long, String> answerErrors,
        boolean open,
        boolean sent) {

    public String answer(TrainingQuestion question) {
        return answers.getOrDefault(question.id(), "");
    }

    public @Nullable String answerError(TrainingQuestion question) {
        return answerErrors.get(question.id());
    }

    public static String answerId(TrainingQuestion question) {
        return "answer-" + question.id();
    }
}

package org.parcours.registration.training;

import java.util.Locale;
import java.util.Map;

/**
 * What an applicant sends, already validated by the form.
 *
 * @param answers answer text by question id; questions not in the map are unanswered
 * @param locale the applicant's language, for the e-mails about the application
 */
public record ApplicationInput(
        String name, String email, String organisation, String motivation, Map<Long, String> answers, Locale locale) {

    public static final int MAX_NAME = 200;
    public static final int MAX_ORGANISATION = 200;
    public static final int MAX_MOTIVATION = 4000;

    public ApplicationInput {
        answers = Map.copyOf(answers);
    }
}

package org.parcours.registration.training;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One application, as organisers see it.
 *
 * @param version how many times its status was set (1 when received)
 * @param answers the answers, each with the question as it was asked
 */
public record TrainingApplication(
        long id,
        long trainingId,
        long personId,
        String name,
        String email,
        String organisation,
        String motivation,
        String locale,
        ApplicationStatus status,
        int version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        List<Answer> answers) {

    public TrainingApplication {
        answers = List.copyOf(answers);
    }

    public record Answer(String label, String answer) {}
}

package org.parcours.registration.training.web;

import java.util.List;
import java.util.Map;
import org.parcours.cycle.Training;
import org.parcours.registration.training.ApplicationStatus;
import org.parcours.registration.training.TrainingApplication;
import org.parcours.registration.training.TrainingQuestion;
import org.parcours.web.FormErrors;

/** Models of the organisers' application pages. */
public final class AdminPages {

    private AdminPages() {}

    /** The questions of a training's form, and the form to add one. */
    public record QuestionsPage(
            Training training, List<TrainingQuestion> questions, String label, boolean required, FormErrors errors) {}

    /** The applications of a training with their counts. */
    public record ApplicationsPage(
            Training training,
            List<TrainingApplication> applications,
            Map<ApplicationStatus, Integer> counts,
            int accepted) {

        public List<ApplicationStatus> statuses() {
            return List.of(ApplicationStatus.values());
        }

        public int placesLeft() {
            return Math.max(0, training.capacity() - accepted);
        }
    }
}

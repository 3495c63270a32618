package org.parcours.registration.training;

/** A free question of a training's application form. */
public record TrainingQuestion(long id, long trainingId, int position, String label, boolean required) {

    public static final int MAX_LABEL = 300;
    public static final int MAX_ANSWER = 2000;
}

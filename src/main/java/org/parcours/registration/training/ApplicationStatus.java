package org.parcours.registration.training;

/** Where an application stands. Only {@link #ACCEPTED} takes one of the training's places. */
public enum ApplicationStatus {
    PENDING,
    ACCEPTED,
    DECLINED,
    WAITLISTED
}

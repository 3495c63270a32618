package org.parcours.cycle;

/** Whether a cycle or training is visible to the public. */
public enum CycleStatus {
    DRAFT,
    PUBLISHED
}

package org.parcours.cycle.web;

import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.Training;

/** What a training page shows: the training and, when it goes further than a published cycle, that cycle. */
public record TrainingPage(Training training, @Nullable Cycle cycle) {}

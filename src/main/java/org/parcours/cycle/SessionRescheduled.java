package org.parcours.cycle;

/**
 * Published by {@link CycleEditor} when an organiser changes when a session starts or how long it lasts. Listeners
 * run synchronously inside the editing transaction, so what they write (e.g. change notices) is committed with the
 * change, or not at all.
 *
 * @param before the session as it was
 * @param after the session as saved
 */
public record SessionRescheduled(Session before, Session after) {}

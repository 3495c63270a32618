package org.parcours.cycle;

/**
 * Published by {@link CycleEditor} inside the transaction that adds a session to an existing cycle, so listeners
 * (registration: people registered for the whole cycle) act atomically with it.
 */
public record SessionAdded(long cycleId, long sessionId) {}

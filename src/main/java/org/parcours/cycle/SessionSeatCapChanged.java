package org.parcours.cycle;

/**
 * Published by {@link CycleEditor} inside the transaction that changes a session's conference seat cap, so the
 * registration feature adjusts its seat counter (and promotes waiting people) atomically with the change.
 */
public record SessionSeatCapChanged(long sessionId, int oldCap, int newCap) {}

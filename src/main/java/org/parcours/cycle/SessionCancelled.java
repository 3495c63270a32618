package org.parcours.cycle;

/**
 * Published by {@link CycleEditor} when an organiser deletes a session, synchronously inside the deleting
 * transaction and <em>before</em> the session row goes: listeners can still read what hangs off it (registrations)
 * and write in the same transaction (e.g. cancellation notices).
 *
 * @param session the session as it was
 */
public record SessionCancelled(Session session) {}

package org.parcours.cycle;

/** Where a session stands in time, computed from the clock. */
public enum SessionStatus {
    UPCOMING,
    LIVE,
    PAST
}

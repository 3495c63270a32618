package org.parcours.library.bibliography;

import org.jspecify.annotations.Nullable;

/** Whose bibliography: one session of a cycle, or the cycle itself ({@code sessionId} null). */
public record Owner(long cycleId, @Nullable Long sessionId) {

    public static Owner cycle(long cycleId) {
        return new Owner(cycleId, null);
    }

    public static Owner session(long cycleId, long sessionId) {
        return new Owner(cycleId, sessionId);
    }
}

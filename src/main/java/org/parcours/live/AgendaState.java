package org.parcours.live;

import org.jspecify.annotations.Nullable;

/** The current agenda segment (index into the session's agenda, null before the first) and when it started. */
public record AgendaState(
        @Nullable Integer segment, @Nullable Long startedAt) {}

package org.parcours.live;

import org.jspecify.annotations.Nullable;

/** A question as shown in the room and carried by its events; times are epoch milliseconds. */
public record QuestionView(
        long id,
        long sessionId,
        long participantId,
        String nickname,
        String text,
        QuestionStatus status,
        boolean pinned,
        @Nullable Long mergedInto,
        int votes,
        long createdAt) {}

package org.parcours.live;

/** A chat message as shown and carried by its events; the time is epoch milliseconds. */
public record ChatView(
        long id, long sessionId, long participantId, String nickname, String text, boolean hidden, long createdAt) {}

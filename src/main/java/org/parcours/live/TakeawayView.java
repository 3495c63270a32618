package org.parcours.live;

/** A takeaway; on the wall it is shown without its author. The time is epoch milliseconds. */
public record TakeawayView(long id, long sessionId, String text, boolean shared, boolean hidden, long createdAt) {}

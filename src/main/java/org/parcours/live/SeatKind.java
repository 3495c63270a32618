package org.parcours.live;

/** The seat a registered person holds for a session: in the (capped) video conference, or watching the stream. */
public enum SeatKind {
    CONFERENCE,
    STREAM
}

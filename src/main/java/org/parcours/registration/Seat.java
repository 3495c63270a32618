package org.parcours.registration;

/** The place someone holds in a session: one of the capped video-conference seats, or the livestream. */
public enum Seat {
    CONFERENCE,
    STREAM
}

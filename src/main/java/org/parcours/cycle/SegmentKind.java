package org.parcours.cycle;

/** The moments a session is made of. A recap segment shows the key points of the previous sessions. */
public enum SegmentKind {
    RECAP,
    PRESENTATION,
    EXCHANGES,
    CLOSING,
    FREE
}

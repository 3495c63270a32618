package org.parcours.library.qa;

/**
 * Where the messages of an import come from; the label of each is the message {@code qa.format.<NAME>}. A file is
 * in one of the first five; the live room is read from the database.
 */
public enum ChatFormat {
    ZOOM_LOCAL,
    ZOOM_CLOUD,
    ZOOM_MEETING,
    YOUTUBE,
    CSV,
    LIVE_ROOM
}

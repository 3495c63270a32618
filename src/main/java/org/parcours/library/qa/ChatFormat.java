package org.parcours.library.qa;

/**
 * Where the messages of an import come from. The label of each is the message {@code qa.format.<NAME>}; the file
 * formats are listed, in this order, when a file is not recognised.
 */
public enum ChatFormat {
    ZOOM_LOCAL,
    ZOOM_CLOUD,
    ZOOM_MEETING,
    YOUTUBE,
    CSV,
    LIVE_ROOM;

    /** The formats a file may be in (the live room is read from the database). */
    public static final java.util.List<ChatFormat> FILES =
            java.util.List.of(ZOOM_LOCAL, ZOOM_CLOUD, ZOOM_MEETING, YOUTUBE, CSV);
}

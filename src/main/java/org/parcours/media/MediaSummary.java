package org.parcours.media;

/** Whether a session has a replay and slides, for lists of sessions. */
public record MediaSummary(boolean replay, boolean slides) {

    public static final MediaSummary NONE = new MediaSummary(false, false);

    public boolean any() {
        return replay || slides;
    }
}

package org.parcours.cycle;

/** The slug is already used by another cycle, training, or session of the same cycle; nothing was saved. */
public class SlugTakenException extends RuntimeException {

    SlugTakenException() {
        super("slug taken", null, false, false);
    }
}

package org.parcours.web;

/** Thrown by controllers for an unknown slug or id; rendered as the 404 page. */
public class NotFoundException extends RuntimeException {

    public NotFoundException() {
        super("not found", null, false, false);
    }
}

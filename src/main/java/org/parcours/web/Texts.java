package org.parcours.web;

/**
 * Messages with arguments in one language: what fragments shared by request-bound pages ({@link Ui}) and the live
 * stream (rendered outside any request) need, so one template serves both.
 */
public interface Texts {

    String text(String key, Object... args);
}

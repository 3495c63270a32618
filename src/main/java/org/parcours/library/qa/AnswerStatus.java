package org.parcours.library.qa;

/** Where an archived question stands. Labels: {@code qa.status.<NAME>}. */
public enum AnswerStatus {
    ANSWERED_LIVE,
    ANSWERED_IN_WRITING,
    OPEN
}

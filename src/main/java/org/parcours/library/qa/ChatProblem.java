package org.parcours.library.qa;

/**
 * A line of a chat log that could not be read: its number, why (a message key {@code qa.problem.*}) and the start
 * of the line as it was.
 */
public record ChatProblem(int line, String reason, String excerpt) {}

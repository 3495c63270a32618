package org.parcours.library.qa;

/**
 * What the organiser submitted for one row of the review table, as typed: votes and the merge target are text
 * until checked.
 */
public record RowEdit(int position, boolean selected, String text, String votes, String theme, String merge) {}

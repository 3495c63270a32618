package org.parcours.library.bibliography;

/**
 * A reference formatted in the citation style: {@code html} is safe to insert as is (only {@code <i>}, {@code
 * <b>} and links with {@code rel="noopener noreferrer"}); {@code text} is the same without markup.
 */
public record Citation(String html, String text) {}

/**
 * The bibliography as data: structured references of a session or of a whole cycle, in the organiser's order.
 * Organisers edit them and import BibTeX or RIS files ({@link org.parcours.library.bibliography.ReferenceFiles});
 * public pages render them in a CSL citation style with COinS metadata, and export them as BibTeX, RIS and
 * CSL-JSON. See docs/library-bibliography.md.
 *
 * <p>Public API: {@link org.parcours.library.bibliography.Bibliography} (reads, public views, exports) and
 * {@link org.parcours.library.bibliography.BibliographyEditor} (organisers' writes, callers must have checked the
 * role). Owns the tables {@code library_reference} and {@code library_reference_author}; offers the search source
 * {@code "bibliography"} and announces changes with {@link org.parcours.library.search.SearchContentChanged}.
 * References are not personal data.
 */
@NullMarked
package org.parcours.library.bibliography;

import org.jspecify.annotations.NullMarked;

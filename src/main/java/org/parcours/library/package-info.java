/**
 * Session knowledge: the bibliography as data ({@code library.bibliography}), the Q&A archive with chat-log import
 * ({@code library.qa}) and full-text search across cycles ({@code library.search}). See docs/library.md.
 *
 * <p>Each sub-package owns its tables ({@code library_*}). Other features read through the public services of the
 * sub-packages; content that search should find is offered by a {@link org.parcours.library.search.SearchSource}
 * bean and announced with {@link org.parcours.library.search.SearchContentChanged}.
 */
@NullMarked
package org.parcours.library;

import org.jspecify.annotations.NullMarked;

/**
 * Full-text search across cycles. Features offer content with {@link org.parcours.library.search.SearchSource}
 * beans and announce changes with {@link org.parcours.library.search.SearchContentChanged}; {@link
 * org.parcours.library.search.SearchService} keeps this node's Lucene index in step with them and answers the
 * public results page ({@code library.search.web}, {@code GET /search}). Sources offer only what the public may
 * see; results are escaped HTML with marks. See docs/library-search.md.
 */
@NullMarked
package org.parcours.library.search;

import org.jspecify.annotations.NullMarked;

/**
 * Full-text search across cycles. Features offer content with {@link org.parcours.library.search.SearchSource}
 * beans and announce changes with {@link org.parcours.library.search.SearchContentChanged}.
 */
@NullMarked
package org.parcours.library.search;

import org.jspecify.annotations.NullMarked;

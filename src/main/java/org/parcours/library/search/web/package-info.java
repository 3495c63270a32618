/** The public search results page, {@code GET /search} (open to everyone; see web.SecurityConfig). */
@NullMarked
package org.parcours.library.search.web;

import org.jspecify.annotations.NullMarked;

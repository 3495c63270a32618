/**
 * Shared web plumbing: the security configuration (one explicit access rule per route family), locale
 * resolution and the language switch, the {@link org.parcours.web.Ui} helper every template receives (i18n,
 * CSRF, dates, safe Markdown), error and 404 pages, and security headers. Feature controllers live in each
 * feature's own {@code web} sub-package.
 */
@NullMarked
package org.parcours.web;

import org.jspecify.annotations.NullMarked;

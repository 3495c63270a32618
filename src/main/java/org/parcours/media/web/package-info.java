/**
 * HTTP side of session media: {@code /media/<key>} serves files with range requests (public for published cycles),
 * {@code /admin/sessions/<id>/media} lets organisers upload and edit (organiser role, checked by the security
 * configuration and again by {@code @PreAuthorize}), and the session page partial shows the replay and the slides.
 */
@NullMarked
package org.parcours.media.web;

import org.jspecify.annotations.NullMarked;

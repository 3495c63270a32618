/**
 * HTTP for the bibliography: the public exports, and the organisers' pages (under {@code /admin}, organiser role
 * required) to edit, reorder and import the references of a session or of a cycle.
 */
@NullMarked
package org.parcours.library.bibliography.web;

import org.jspecify.annotations.NullMarked;

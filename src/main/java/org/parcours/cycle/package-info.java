/**
 * Cycles and their sessions: the ordered path, agenda segments, key points and the recap built from them,
 * trainings that go further, the cycle file format (import/export, demo content) and the public and admin
 * pages for all of these.
 *
 * <p>Other features call {@link org.parcours.cycle.CycleService} only; the tables are private to this package.
 */
@NullMarked
package org.parcours.cycle;

import org.jspecify.annotations.NullMarked;

/**
 * HTTP side of calendars: the public cycle feed ({@code /cycles/<slug>/calendar.ics}), the personal feed behind a
 * secret link ({@code /calendar/<token>.ics}) and the "new feed link" action of a signed-in person.
 */
@NullMarked
package org.parcours.registration.calendar.web;

import org.jspecify.annotations.NullMarked;

/**
 * Calendars, reminders and change notices of registrations: RFC 5545 invitations for one session and one person
 * ({@link org.parcours.registration.calendar.SessionCalendar}), the public feed of a cycle and the personal feed of
 * a participant behind a secret link ({@link org.parcours.registration.calendar.CalendarFeeds}), the reminder job
 * and the e-mails sent when a session moves or is cancelled.
 *
 * <p>Registrations are read (never written) through a package-private read model of the {@code registration}
 * table; sessions and cycles through {@link org.parcours.cycle.CycleService}; people through {@link
 * org.parcours.account.Participants}. The join link follows the seat: the conference URL only for a conference
 * seat, the stream URL for everyone.
 */
@NullMarked
package org.parcours.registration.calendar;

import org.jspecify.annotations.NullMarked;

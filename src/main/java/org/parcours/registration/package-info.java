/**
 * Registrations for sessions of cycles: who takes part in which session, with a capped video-conference seat or
 * a stream seat, the conference waitlist and its promotions, cancel links, the registration e-mails and the
 * organisers' lists. Rules are described in {@code docs/registration.md}.
 *
 * <p>Other features call {@link org.parcours.registration.RegistrationService} (participants) and {@link
 * org.parcours.registration.RegistrationAdmin} (organisers; callers check the role). The tables
 * {@code registration}, {@code cycle_registration}, {@code seat_counter} and {@code app_secret} are private to this
 * package. Calendar files for the confirmation come from an optional {@link
 * org.parcours.registration.CalendarAttachments} bean.
 */
@NullMarked
package org.parcours.registration;

import org.jspecify.annotations.NullMarked;

package org.parcours.registration.calendar;

import java.util.Optional;

/**
 * Implemented by the registration feature to give reminders and change notices the one-click cancel link of a
 * registration (a signed token, no sign-in). Without such a bean, those e-mails carry no cancel link.
 */
public interface CalendarCancelLinks {

    /** The absolute cancel link of a registration, if it can still be cancelled. */
    Optional<String> cancelUrl(long registrationId);
}

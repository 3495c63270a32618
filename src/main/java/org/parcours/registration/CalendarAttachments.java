package org.parcours.registration;

import java.util.List;
import org.parcours.account.Person;
import org.parcours.cycle.Cycle;
import org.parcours.mail.OutgoingMail;

/**
 * Optional: calendar files (e.g. one {@code .ics} per session) attached to registration confirmations. When a bean
 * implements it, {@link RegistrationService} attaches what it returns; without one, confirmations go without.
 * Called inside the registering transaction, so it must not fail for ordinary data.
 */
public interface CalendarAttachments {

    /**
     * @param person who registered
     * @param cycle the cycle of the sessions
     * @param sessions the sessions the confirmation lists, each with the person's registration (the seat decides
     *     which link the event carries)
     */
    List<OutgoingMail.Attachment> forRegistrations(Person person, Cycle cycle, List<SessionSeat> sessions);
}

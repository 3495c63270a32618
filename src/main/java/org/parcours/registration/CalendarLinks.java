package org.parcours.registration;

import java.util.List;
import java.util.Optional;
import org.parcours.account.Person;
import org.parcours.cycle.Cycle;
import org.parcours.mail.OutgoingMail;
import org.parcours.registration.calendar.CalendarCancelLinks;
import org.parcours.registration.calendar.CalendarSeat;
import org.parcours.registration.calendar.SessionCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Joins registration and its calendars: confirmations carry one invitation per session with the link that fits
 * the person's seat, and reminders and change notices carry the one-click cancel link of the registration.
 */
@Component
class CalendarLinks implements CalendarAttachments, CalendarCancelLinks {

    private final SessionCalendar calendar;
    private final CancelLinks cancelLinks;
    private final RegistrationStore store;
    private final String baseUrl;

    CalendarLinks(
            SessionCalendar calendar,
            CancelLinks cancelLinks,
            RegistrationStore store,
            @Value("${parcours.base-url}") String baseUrl) {
        this.calendar = calendar;
        this.cancelLinks = cancelLinks;
        this.store = store;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public List<OutgoingMail.Attachment> forRegistrations(Person person, Cycle cycle, List<SessionSeat> sessions) {
        // The registering transaction has the session, cycle and person loaded: pass them rather than have the
        // calendar load them again (that look-up was a third of the cost of a registration).
        return sessions.stream()
                .filter(seat -> seat.registration().active())
                .map(seat -> {
                    var session = seat.session();
                    byte[] ics = calendar.invite(
                            session,
                            cycle,
                            seat.seated() ? CalendarSeat.CONFERENCE : CalendarSeat.STREAM,
                            person,
                            calendar.sequence(java.util.Objects.requireNonNull(session.id())),
                            SessionCalendar.Method.REQUEST);
                    return new OutgoingMail.Attachment(
                            session.slug() + ".ics", SessionCalendar.Method.REQUEST.contentType(), ics);
                })
                .toList();
    }

    @Override
    public Optional<String> cancelUrl(long registrationId) {
        return store.find(registrationId).filter(Registration::active).map(r -> baseUrl + cancelLinks.path(r));
    }
}

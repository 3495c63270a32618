package org.parcours.registration.calendar;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parcours.account.Participants;
import org.parcours.account.Person;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.parcours.cycle.SessionCancelled;
import org.parcours.cycle.SessionRescheduled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells every active registrant when a session moves (an updated invitation: METHOD:REQUEST with the next SEQUENCE)
 * or is cancelled (METHOD:CANCEL). Runs inside the organiser's editing transaction (the events are synchronous), so
 * the notices are queued if and only if the change is saved; the idempotency key {@code
 * session-change|session-cancel:<sessionId>:<sequence>:<personId>} makes each notice unique.
 */
@Component
class SessionChangeNotices {

    private final CycleService cycles;
    private final Participants people;
    private final CalendarRegistrations registrations;
    private final CalendarSequences sequences;
    private final SessionCalendar calendar;
    private final SessionNotices notices;

    SessionChangeNotices(
            CycleService cycles,
            Participants people,
            CalendarRegistrations registrations,
            CalendarSequences sequences,
            SessionCalendar calendar,
            SessionNotices notices) {
        this.cycles = cycles;
        this.people = people;
        this.registrations = registrations;
        this.sequences = sequences;
        this.calendar = calendar;
        this.notices = notices;
    }

    @EventListener
    void rescheduled(SessionRescheduled event) {
        notify(event.after(), event.before().start(), SessionCalendar.Method.REQUEST);
    }

    @EventListener
    void cancelled(SessionCancelled event) {
        notify(event.session(), null, SessionCalendar.Method.CANCEL);
    }

    private void notify(Session session, @Nullable ZonedDateTime previousStart, SessionCalendar.Method method) {
        long sessionId = Objects.requireNonNull(session.id());
        int sequence = sequences.next(sessionId);
        Optional<Cycle> cycle = cycles.cycle(session.cycleId());
        if (cycle.isEmpty()) {
            return;
        }
        boolean cancelled = method == SessionCalendar.Method.CANCEL;
        Map<Long, Optional<Person>> persons = new HashMap<>();
        for (CalendarRegistrations.Active registration : registrations.forSession(sessionId)) {
            Optional<Person> person = persons.computeIfAbsent(registration.personId(), people::find);
            if (person.isEmpty()) {
                continue;
            }
            SessionNotice notice = notices.notice(session, cycle.get(), registration, previousStart, !cancelled);
            byte[] ics = calendar.invite(session, cycle.get(), registration.seat(), person.get(), sequence, method);
            String kind = cancelled ? "session-cancel" : "session-change";
            notices.queue(
                    person.get(),
                    SessionNotices.to(person.get())
                            .template(cancelled ? "mail/session-cancelled" : "mail/session-changed")
                            .subject(
                                    cancelled ? "mail.sessionCancelled.subject" : "mail.sessionChanged.subject",
                                    session.title())
                            .model("notice", notice)
                            .attach(SessionCalendar.filename(cycle.get(), session), method.contentType(), ics)
                            .idempotencyKey(kind + ":" + sessionId + ":" + sequence + ":" + registration.personId())
                            .category("registration." + kind));
        }
    }
}

package org.parcours.registration.calendar;

import java.util.List;
import java.util.Locale;
import org.parcours.account.Participants;
import org.parcours.account.Person;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.parcours.web.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calendar invitations for one session and one person, as attached to confirmation, promotion and change e-mails
 * ({@code .ics}, RFC 5545 with iTIP method REQUEST or CANCEL). The event's UID is the same in every invitation and
 * in the person's feed ({@code session-<id>@<host>}), so each new invitation updates the event already in the
 * person's calendar; the SEQUENCE is the session's current one, raised when it moves or is cancelled.
 *
 * <p>Send a new invitation with an unchanged SEQUENCE when only the seat changes (a promotion): calendar programs
 * take the one with the later DTSTAMP.
 */
@Component
public class SessionCalendar {

    /** What an invitation asks of the calendar program. */
    public enum Method {
        /** Add or update the event. */
        REQUEST,
        /** Remove the event (the session is cancelled, or the person's registration). */
        CANCEL;

        /** The MIME type of an attachment carrying an invitation with this method. */
        public String contentType() {
            return "text/calendar; method=" + name() + "; charset=UTF-8";
        }
    }

    private final CalendarWriter writer;
    private final CalendarSequences sequences;
    private final CalendarUrls urls;
    private final CycleService cycles;
    private final Participants people;

    SessionCalendar(
            CalendarWriter writer,
            CalendarSequences sequences,
            CalendarUrls urls,
            CycleService cycles,
            Participants people) {
        this.writer = writer;
        this.sequences = sequences;
        this.urls = urls;
        this.cycles = cycles;
        this.people = people;
    }

    /**
     * An invitation in the person's language.
     *
     * @param seat decides the join links: the conference URL only for {@link CalendarSeat#CONFERENCE}
     * @param sequence the event's revision, usually {@link #sequence(long)}
     */
    public byte[] invite(Session session, Cycle cycle, CalendarSeat seat, Person person, int sequence, Method method) {
        CalendarEntry entry = CalendarEntry.of(
                urls.uid(idOf(session)),
                sequence,
                session,
                cycle,
                seat,
                new CalendarEntry.Invitee(person.email(), person.displayName()),
                method == Method.CANCEL);
        return writer.write(method, null, Locale.forLanguageTag(person.locale()), List.of(entry));
    }

    /**
     * {@link #invite(Session, Cycle, CalendarSeat, Person, int, Method)} from plain values, with the session's
     * current sequence.
     *
     * @param seat {@code CONFERENCE} or {@code STREAM} (anything else is taken as a stream seat)
     * @param method {@code REQUEST} or {@code CANCEL}
     * @throws NotFoundException when the session, its cycle or the person does not exist
     */
    @Transactional(readOnly = true)
    public byte[] invite(long sessionId, long personId, String seat, String method) {
        Session session = cycles.session(sessionId).orElseThrow(NotFoundException::new);
        Cycle cycle = cycles.cycle(session.cycleId()).orElseThrow(NotFoundException::new);
        Person person = people.find(personId).orElseThrow(NotFoundException::new);
        return invite(
                session, cycle, CalendarSeat.of(seat), person, sequence(sessionId), Method.valueOf(method.strip()));
    }

    /** The session's current SEQUENCE: 0 until it first moves. */
    public int sequence(long sessionId) {
        return sequences.current(sessionId);
    }

    /** A file name for the attachment, e.g. {@code cooperation-2020-seance-1.ics}. */
    public static String filename(Cycle cycle, Session session) {
        return cycle.slug() + "-" + session.slug() + ".ics";
    }

    private static long idOf(Session session) {
        Long id = session.id();
        if (id == null) {
            throw new IllegalArgumentException("only a stored session has a calendar event");
        }
        return id;
    }
}

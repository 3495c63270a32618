package org.parcours.registration;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.parcours.account.Participants;
import org.parcours.account.Person;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.parcours.mail.MailService;
import org.parcours.mail.OutgoingMail;
import org.parcours.web.MarkdownRenderer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The registration e-mails, queued in the caller's transaction in the person's language. Each idempotency key
 * names the registration and its revision (the state the mail is about), so a state is mailed at most once
 * however often the request that led to it is repeated.
 */
@Component
class RegistrationMails {

    private final MailService mail;
    private final Participants participants;
    private final CycleService cycles;
    private final CancelLinks links;
    private final MarkdownRenderer markdown;
    private final ObjectProvider<CalendarAttachments> calendars;

    RegistrationMails(
            MailService mail,
            Participants participants,
            CycleService cycles,
            CancelLinks links,
            MarkdownRenderer markdown,
            ObjectProvider<CalendarAttachments> calendars) {
        this.mail = mail;
        this.participants = participants;
        this.cycles = cycles;
        this.links = links;
        this.markdown = markdown;
        this.calendars = calendars;
    }

    /**
     * The confirmation of new registrations, listing {@code seats} (every session of the request).
     *
     * @param key the registration whose id and revision make the idempotency key (one created by this request)
     * @param added true when the sessions were added to a cycle the person registered for as a whole
     */
    void confirmation(Person person, Cycle cycle, List<SessionSeat> seats, Registration key, boolean added) {
        OutgoingMail.Builder builder = base(person, "confirmation", key)
                .template("mail/registration-confirmation")
                .subject(
                        added ? "mail.registration.added.subject" : "mail.registration.confirmation.subject",
                        cycle.title())
                .model("name", person.displayName())
                .model("cycleTitle", cycle.title())
                .model("cyclePath", "/cycles/" + cycle.slug())
                .model("lines", lines(cycle, seats))
                .model("added", added)
                .model("cancelAllPath", links.pathForAll(cycle.id(), person.id()));
        CalendarAttachments calendar = calendars.getIfAvailable();
        if (calendar != null) {
            for (OutgoingMail.Attachment file : calendar.forRegistrations(person, cycle, seats)) {
                builder.attach(file.filename(), file.contentType(), file.content());
            }
        }
        mail.queue(builder.build());
    }

    /** A registered person asked for a conference seat later and is now on the waitlist. */
    void waitlisted(SessionSeat seat) {
        single("waitlist", seat);
    }

    void promoted(SessionSeat seat) {
        single("promotion", seat);
    }

    /** An organiser moved the person from a conference seat to a stream seat. */
    void movedToStream(SessionSeat seat) {
        single("stream", seat);
    }

    /** Confirms the cancellation of {@code seats} (all of one cycle). */
    void cancelled(Person person, Cycle cycle, List<SessionSeat> seats, boolean byOrganiser) {
        Registration key = seats.stream()
                .map(SessionSeat::registration)
                .min(Comparator.comparingLong(Registration::id))
                .orElseThrow();
        mail.queue(base(person, "cancellation", key)
                .template("mail/registration-cancellation")
                .subject("mail.registration.cancellation.subject", cycle.title())
                .model("name", person.displayName())
                .model("cycleTitle", cycle.title())
                .model("cyclePath", "/cycles/" + cycle.slug())
                .model("lines", lines(cycle, seats))
                .model("byOrganiser", byOrganiser)
                .build());
    }

    /** An organiser's message to the registrants of a session or cycle; once per message id and person. */
    void message(Person person, String messageId, String subject, String body, String aboutTitle, String aboutPath) {
        mail.queue(OutgoingMail.to(person.email(), person.displayName())
                .locale(locale(person))
                .template("mail/registration-message")
                .subject("mail.registration.message.subject", subject)
                .model("name", person.displayName())
                .model("subject", subject)
                .model("bodyHtml", markdown.toSafeHtml(body))
                .model("aboutTitle", aboutTitle)
                .model("aboutPath", aboutPath)
                .idempotencyKey("registration.message:" + messageId + ":" + person.id())
                .category("registration.message")
                .build());
    }

    private void single(String kind, SessionSeat seat) {
        Person person = participants.find(seat.registration().personId()).orElseThrow();
        Cycle cycle = cycles.cycle(seat.session().cycleId()).orElseThrow();
        mail.queue(base(person, kind, seat.registration())
                .template("mail/registration-" + kind)
                .subject(
                        "mail.registration." + kind + ".subject", seat.session().title())
                .model("name", person.displayName())
                .model("cycleTitle", cycle.title())
                .model("line", line(cycle, seat))
                .build());
    }

    private OutgoingMail.Builder base(Person person, String kind, Registration key) {
        return OutgoingMail.to(person.email(), person.displayName())
                .locale(locale(person))
                .idempotencyKey("registration." + kind + ":" + key.id() + "." + key.revision())
                .category("registration." + kind);
    }

    private List<SeatLine> lines(Cycle cycle, List<SessionSeat> seats) {
        return seats.stream()
                .sorted(Comparator.comparing((SessionSeat s) -> s.session().startsAt())
                        .thenComparing(s -> s.session().position()))
                .map(s -> line(cycle, s))
                .toList();
    }

    private SeatLine line(Cycle cycle, SessionSeat seat) {
        Session session = seat.session();
        Registration r = seat.registration();
        return new SeatLine(
                session.title(),
                session.start(),
                session.durationMinutes(),
                seat.state(),
                seat.waitlistPosition(),
                seat.conferenceUrl(),
                session.livestreamUrl(),
                "/cycles/" + cycle.slug() + "/sessions/" + session.slug(),
                r.active() ? links.path(r) : null);
    }

    static Locale locale(Person person) {
        return "en".equals(person.locale()) ? Locale.ENGLISH : Locale.FRENCH;
    }
}

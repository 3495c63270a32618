package org.parcours.registration.calendar;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.parcours.account.Person;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.Session;
import org.parcours.mail.MailService;
import org.parcours.mail.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Builds and queues the e-mails about one session for one registrant: reminders and change notices. */
@Component
class SessionNotices {

    private static final Logger log = LoggerFactory.getLogger(SessionNotices.class);

    private final MailService mail;
    private final CalendarUrls urls;
    private final ObjectProvider<CalendarCancelLinks> cancelLinks;

    SessionNotices(MailService mail, CalendarUrls urls, ObjectProvider<CalendarCancelLinks> cancelLinks) {
        this.mail = mail;
        this.urls = urls;
        this.cancelLinks = cancelLinks;
    }

    SessionNotice notice(
            Session session,
            Cycle cycle,
            CalendarRegistrations.Active registration,
            @Nullable ZonedDateTime previousStart,
            boolean withCancelLink) {
        CalendarEntry links = CalendarEntry.of("", 0, session, cycle, registration.seat(), null, false);
        CalendarCancelLinks provider = withCancelLink ? cancelLinks.getIfAvailable() : null;
        String cancelUrl =
                provider == null ? null : provider.cancelUrl(registration.id()).orElse(null);
        return new SessionNotice(
                cycle.title(),
                session.title(),
                session.start(),
                session.durationMinutes(),
                urls.absolute(urls.sessionPagePath(cycle, session)),
                links.conferenceUrl(),
                links.streamUrl(),
                registration.waitlisted(),
                cancelUrl,
                previousStart == null ? null : previousStart.withZoneSameInstant(session.zone()));
    }

    /**
     * Queues one message; an address the mail feature refuses (e.g. an erased account's) is logged and skipped, so
     * one bad address never blocks the others.
     *
     * @return whether the message is queued (or was already, under the same key)
     */
    boolean queue(Person person, OutgoingMail.Builder message) {
        try {
            mail.queue(message.build());
            return true;
        } catch (IllegalArgumentException e) {
            log.warn("No e-mail for person {}: {}", person.id(), e.getMessage());
            return false;
        }
    }

    static OutgoingMail.Builder to(Person person) {
        return OutgoingMail.to(person.email(), person.displayName()).locale(locale(person));
    }

    static Locale locale(Person person) {
        return Locale.forLanguageTag(Objects.requireNonNullElse(person.locale(), "fr"));
    }

    /** "jeudi 2 avril 2026" and "18:00" in the reader's language, for subjects. */
    static String date(ZonedDateTime time, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                .withLocale(locale)
                .format(time);
    }

    static String time(ZonedDateTime time, Locale locale) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(locale)
                .format(time);
    }
}

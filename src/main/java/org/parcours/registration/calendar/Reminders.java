package org.parcours.registration.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parcours.account.Participants;
import org.parcours.account.Person;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Queues the reminders that are due: for each offset (say 1 day and 1 hour), one e-mail per active registration of
 * each session in that offset's window, with the links of the person's seat, in their language.
 *
 * <p>The rule: offsets sorted longest first, the reminder for offset {@code d(i)} is due from {@code start - d(i)}
 * and stays due until {@code start - d(i+1)} (the next reminder's time; the start for the last one). So each
 * reminder goes at most once, late rather than never when the application was down at its time, but never once
 * the next reminder (or the session) has come: after a long outage the day-before reminder is skipped rather than
 * arriving next to the one-hour one. A registration made after a reminder's time gets no such reminder (its
 * confirmation has just told everything). Past sessions are never in a window.
 *
 * <p>Once a pass has gone through every registration of a session for an offset, it records so ({@link
 * ReminderPasses}); later passes in the same window only look at registrations made since (with a margin for
 * transactions that were still open), so the job stays cheap however many people registered.
 *
 * <p>Each message has the idempotency key {@code reminder:<registrationId>:<offset>} (with {@code :s<sequence>}
 * appended once the session has moved, so the new date is reminded too): however often this runs, on however many
 * nodes, each reminder is queued once.
 */
@Service
class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final ReminderSettings settings;
    private final CycleService cycles;
    private final Participants people;
    private final CalendarRegistrations registrations;
    private final CalendarSequences sequences;
    private final SessionNotices notices;
    private final ReminderPasses passes;
    private final Clock clock;

    Reminders(
            ReminderSettings settings,
            CycleService cycles,
            Participants people,
            CalendarRegistrations registrations,
            CalendarSequences sequences,
            SessionNotices notices,
            ReminderPasses passes,
            Clock clock) {
        this.settings = settings;
        this.cycles = cycles;
        this.people = people;
        this.registrations = registrations;
        this.sequences = sequences;
        this.notices = notices;
        this.passes = passes;
        this.clock = clock;
    }

    /** Registrations committed this long after their creation time are still reminded. */
    static final Duration LATE_COMMIT_MARGIN = Duration.ofMinutes(10);

    /** @return how many reminders this pass queued or found already queued */
    int sendDue() {
        Instant now = clock.instant();
        List<Duration> offsets = settings.offsets();
        int count = 0;
        for (int i = 0; i < offsets.size(); i++) {
            Duration offset = offsets.get(i);
            Duration windowEnd = i + 1 < offsets.size() ? offsets.get(i + 1) : Duration.ZERO;
            List<Session> sessions = cycles.sessionsStartingBetween(now.plus(windowEnd), now.plus(offset));
            for (Session session : sessions) {
                try {
                    count += remind(session, offset, now);
                } catch (RuntimeException e) {
                    log.warn("Reminders for session {} failed; the next pass tries again", session.id(), e);
                }
            }
        }
        return count;
    }

    private int remind(Session session, Duration offset, Instant now) {
        long sessionId = java.util.Objects.requireNonNull(session.id());
        Optional<Cycle> cycle = cycles.cycle(session.cycleId());
        if (cycle.isEmpty()) {
            return 0;
        }
        Instant due = session.startsAt().toInstant().minus(offset);
        int sequence = sequences.current(sessionId);
        Optional<Instant> since = passes.doneAt(sessionId, offset, sequence)
                .map(done -> done.toInstant().minus(LATE_COMMIT_MARGIN));
        Map<Long, Optional<Person>> persons = new HashMap<>();
        int count = 0;
        List<CalendarRegistrations.Active> candidates = since.isPresent()
                ? registrations.forSession(sessionId, since.get())
                : registrations.forSession(sessionId);
        for (CalendarRegistrations.Active registration : candidates) {
            if (registration.createdAt().toInstant().isAfter(due)) {
                continue;
            }
            Optional<Person> person = persons.computeIfAbsent(registration.personId(), people::find);
            if (person.isEmpty()) {
                continue;
            }
            SessionNotice notice = notices.notice(session, cycle.get(), registration, null, true);
            var locale = SessionNotices.locale(person.get());
            String key = "reminder:" + registration.id() + ":" + offset + (sequence > 0 ? ":s" + sequence : "");
            boolean queued = notices.queue(
                    person.get(),
                    SessionNotices.to(person.get())
                            .template("mail/reminder")
                            .subject(
                                    "mail.reminder.subject",
                                    session.title(),
                                    SessionNotices.date(notice.start(), locale),
                                    SessionNotices.time(notice.start(), locale))
                            .model("notice", notice)
                            .idempotencyKey(key)
                            .category("registration.reminder"));
            count += queued ? 1 : 0;
        }
        passes.done(sessionId, offset, sequence, now.atOffset(java.time.ZoneOffset.UTC));
        return count;
    }
}

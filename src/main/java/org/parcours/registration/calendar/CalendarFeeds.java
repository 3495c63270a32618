package org.parcours.registration.calendar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.parcours.account.Participants;
import org.parcours.account.Person;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calendar feeds to subscribe to: the public feed of a published cycle (every session, the stream link only, never
 * the conference URL) and the personal feed of a participant (the sessions they are registered for, each with the
 * links of their seat), opened by a secret link (see {@link CalendarFeedTokens}).
 */
@Service
public class CalendarFeeds {

    private final CycleService cycles;
    private final Participants people;
    private final CalendarRegistrations registrations;
    private final CalendarSequences sequences;
    private final CalendarFeedTokens tokens;
    private final CalendarWriter writer;
    private final CalendarUrls urls;
    private final MessageSource messages;

    CalendarFeeds(
            CycleService cycles,
            Participants people,
            CalendarRegistrations registrations,
            CalendarSequences sequences,
            CalendarFeedTokens tokens,
            CalendarWriter writer,
            CalendarUrls urls,
            MessageSource messages) {
        this.cycles = cycles;
        this.people = people;
        this.registrations = registrations;
        this.sequences = sequences;
        this.tokens = tokens;
        this.writer = writer;
        this.urls = urls;
        this.messages = messages;
    }

    /** The feed of a published cycle, in the cycle's language; empty for an unknown or draft cycle. */
    @Transactional(readOnly = true)
    public Optional<byte[]> cycleFeed(String slug) {
        return cycles.publishedCycle(slug).map(cycle -> {
            List<Session> sessions = cycles.sessions(idOf(cycle));
            Map<Long, Integer> sequence =
                    sequences.current(sessions.stream().map(Session::id).toList());
            List<CalendarEntry> entries = sessions.stream()
                    .map(s -> CalendarEntry.of(
                            urls.publicUid(s.id()),
                            sequence.getOrDefault(s.id(), 0),
                            s,
                            cycle,
                            CalendarSeat.STREAM,
                            null,
                            false))
                    .toList();
            return writer.write(null, cycle.title(), Locale.forLanguageTag(cycle.language()), entries);
        });
    }

    /** The personal feed a token opens; empty for an unknown, reset or malformed token. */
    @Transactional
    public Optional<byte[]> personalFeed(String token) {
        return tokens.personOf(token).flatMap(people::find).map(this::personalFeed);
    }

    private byte[] personalFeed(Person person) {
        List<CalendarRegistrations.Active> active = registrations.forPerson(idOf(person));
        Map<Long, Integer> sequence = sequences.current(
                active.stream().map(CalendarRegistrations.Active::sessionId).toList());
        Map<Long, Optional<Cycle>> cyclesById = new HashMap<>();
        List<CalendarEntry> entries = new ArrayList<>();
        for (CalendarRegistrations.Active registration : active) {
            Optional<Session> session = cycles.session(registration.sessionId());
            if (session.isEmpty()) {
                continue;
            }
            Optional<Cycle> cycle = cyclesById.computeIfAbsent(session.get().cycleId(), cycles::cycle);
            cycle.ifPresent(c -> entries.add(CalendarEntry.of(
                    urls.uid(registration.sessionId()),
                    sequence.getOrDefault(registration.sessionId(), 0),
                    session.get(),
                    c,
                    registration.seat(),
                    null,
                    false)));
        }
        entries.sort((a, b) -> a.session().startsAt().compareTo(b.session().startsAt()));
        Locale locale = Locale.forLanguageTag(person.locale());
        String name = messages.getMessage("calendar.feed.personal", null, "Parcours", locale);
        return writer.write(null, name, locale, entries);
    }

    /** The person's feed link (the same every time, until {@link #resetLink(long)}). */
    public CalendarFeedLink link(long personId) {
        return link(tokens.token(personId));
    }

    /** A new feed link for the person; the old one stops working at once. */
    public CalendarFeedLink resetLink(long personId) {
        return link(tokens.reset(personId));
    }

    /** Forgets the person's feed link (their account is being erased). */
    public void forget(long personId) {
        tokens.forget(personId);
    }

    /** The public feed of a cycle, as an https and a webcal link. */
    public CalendarFeedLink cycleLink(String cycleSlug) {
        String path = urls.cycleFeedPath(cycleSlug);
        return new CalendarFeedLink(urls.absolute(path), urls.webcal(path));
    }

    private CalendarFeedLink link(String token) {
        String path = "/calendar/" + token + ".ics";
        return new CalendarFeedLink(urls.absolute(path), urls.webcal(path));
    }

    private static long idOf(Cycle cycle) {
        return java.util.Objects.requireNonNull(cycle.id());
    }

    private static long idOf(Person person) {
        return java.util.Objects.requireNonNull(person.id());
    }
}

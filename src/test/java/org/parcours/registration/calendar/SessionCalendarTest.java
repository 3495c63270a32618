package org.parcours.registration.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.parcours.account.Person;
import org.parcours.account.Role;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleStatus;
import org.parcours.cycle.Session;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Invitations and feeds as calendar programs read them: parsed and validated by ical4j. */
class SessionCalendarTest {

    static final Instant NOW = Instant.parse("2026-03-20T09:30:00Z");

    final CalendarUrls urls = new CalendarUrls("https://parcours.example.org/");
    final CalendarWriter writer = new CalendarWriter(
            messages(), urls, Clock.fixed(NOW, ZoneOffset.UTC), "Institut Coopération <annonces@coop.example.org>");
    final SessionCalendar calendar = new SessionCalendar(writer, null, urls, null, null);

    final Cycle cycle = new Cycle(
            7L,
            "cooperation",
            "La coopération, une évidence ?",
            "",
            "",
            "fr",
            CycleStatus.PUBLISHED,
            "Europe/Paris",
            OffsetDateTime.parse("2026-01-01T00:00:00Z"),
            OffsetDateTime.parse("2026-01-01T00:00:00Z"));
    // 2 April 2026, 18:00 in Paris (summer time, UTC+2)
    final Session session = session(41L, "seance-1", "2026-04-02T16:00:00Z", "Europe/Paris");
    final Person ana =
            new Person(5L, "ana@example.org", "Ana \"Nana\" López", null, Role.PARTICIPANT, "fr", OffsetDateTime.now());

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/calendar");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    static Session session(long id, String slug, String startUtc, String zone) {
        return new Session(
                id,
                7L,
                1,
                slug,
                "Séance 1 : coopérer, ça s’apprend ; vraiment ?",
                OffsetDateTime.parse(startUtc),
                zone,
                90,
                "Pourquoi coopérer.",
                "",
                "https://stream.example/live-" + slug,
                "https://visio.example/secret-" + slug,
                100,
                OffsetDateTime.parse("2026-03-01T10:00:00Z"),
                List.of(),
                List.of());
    }

    @Test
    void aConferenceInvitationCarriesTheZoneBothLinksAndTheInvitee() {
        Ics ics = Ics.parse(
                calendar.invite(session, cycle, CalendarSeat.CONFERENCE, ana, 3, SessionCalendar.Method.REQUEST));

        assertThat(ics.property("METHOD")).isEqualTo("REQUEST");
        assertThat(ics.timeZoneIds()).containsExactly("Europe/Paris");
        VEvent event = ics.event();
        assertThat(Ics.parameter(event, "DTSTART", "TZID")).isEqualTo("Europe/Paris");
        assertThat(Ics.value(event, "DTSTART")).isEqualTo("20260402T180000");
        assertThat(Ics.parameter(event, "DTEND", "TZID")).isEqualTo("Europe/Paris");
        assertThat(Ics.value(event, "DTEND")).isEqualTo("20260402T193000");
        assertThat(Ics.value(event, "UID")).isEqualTo("session-41@parcours.example.org");
        assertThat(Ics.value(event, "SEQUENCE")).isEqualTo("3");
        assertThat(Ics.value(event, "DTSTAMP")).isEqualTo("20260320T093000Z");
        assertThat(Ics.value(event, "STATUS")).isEqualTo("CONFIRMED");
        assertThat(Ics.value(event, "SUMMARY")).isEqualTo("Séance 1 : coopérer, ça s’apprend ; vraiment ?");
        assertThat(Ics.value(event, "URL"))
                .isEqualTo("https://parcours.example.org/cycles/cooperation/sessions/seance-1");
        assertThat(Ics.value(event, "LOCATION")).isEqualTo("https://visio.example/secret-seance-1");
        assertThat(Ics.value(event, "DESCRIPTION"))
                .contains("Cycle « La coopération, une évidence ? »")
                .contains("Page de la séance : https://parcours.example.org/cycles/cooperation/sessions/seance-1")
                .contains("Visioconférence (votre place) : https://visio.example/secret-seance-1")
                .contains("Direct : https://stream.example/live-seance-1");
        assertThat(Ics.value(event, "ORGANIZER")).isEqualTo("mailto:annonces@coop.example.org");
        assertThat(Ics.parameter(event, "ORGANIZER", "CN")).isEqualTo("Institut Coopération");
        assertThat(Ics.value(event, "ATTENDEE")).isEqualTo("mailto:ana@example.org");
        assertThat(Ics.parameter(event, "ATTENDEE", "CN")).isEqualTo("Ana Nana López");
        assertThat(Ics.parameter(event, "ATTENDEE", "PARTSTAT")).isEqualTo("ACCEPTED");
        // The start is the right instant, whatever zone the reader is in.
        assertThat(ics.text()).contains("DTSTART;TZID=Europe/Paris:20260402T180000");
    }

    @Test
    void aStreamInvitationNeverCarriesTheConferenceUrl() {
        byte[] bytes = calendar.invite(session, cycle, CalendarSeat.STREAM, ana, 0, SessionCalendar.Method.REQUEST);
        Ics ics = Ics.parse(bytes);

        assertThat(ics.text()).doesNotContain("visio.example").doesNotContain("secret-");
        assertThat(Ics.value(ics.event(), "LOCATION")).isEqualTo("https://stream.example/live-seance-1");
        assertThat(Ics.value(ics.event(), "SEQUENCE")).isEqualTo("0");
    }

    @Test
    void aCancellationIsMethodCancelWithStatusCancelled() {
        Ics ics = Ics.parse(
                calendar.invite(session, cycle, CalendarSeat.CONFERENCE, ana, 4, SessionCalendar.Method.CANCEL));

        assertThat(ics.property("METHOD")).isEqualTo("CANCEL");
        assertThat(Ics.value(ics.event(), "STATUS")).isEqualTo("CANCELLED");
        assertThat(Ics.value(ics.event(), "SEQUENCE")).isEqualTo("4");
        assertThat(Ics.value(ics.event(), "UID")).isEqualTo("session-41@parcours.example.org");
        assertThat(Ics.value(ics.event(), "DESCRIPTION")).startsWith("Cette séance est annulée.");
    }

    @Test
    void inTheInviteesLanguage() {
        Person john = new Person(6L, "john@example.org", "John", null, Role.PARTICIPANT, "en", OffsetDateTime.now());
        Ics ics = Ics.parse(
                calendar.invite(session, cycle, CalendarSeat.STREAM, john, 1, SessionCalendar.Method.REQUEST));

        assertThat(Ics.value(ics.event(), "DESCRIPTION"))
                .contains("Session page: https://parcours.example.org/cycles/cooperation/sessions/seance-1")
                .contains("Livestream: https://stream.example/live-seance-1");
    }

    @Test
    void aFeedHasOneTimeZoneDefinitionPerZoneAndNoMethod() {
        Session montreal = session(42L, "seance-2", "2026-11-05T23:00:00Z", "America/Montreal");
        Session paris = session(43L, "seance-3", "2026-11-12T17:00:00Z", "Europe/Paris");
        List<CalendarEntry> entries = List.of(session, montreal, paris).stream()
                .map(s -> CalendarEntry.of(urls.publicUid(s.id()), 0, s, cycle, CalendarSeat.STREAM, null, false))
                .toList();
        Ics ics = Ics.parse(writer.write(null, cycle.title(), Locale.FRENCH, entries));

        assertThat(ics.property("METHOD")).isEmpty();
        assertThat(ics.property("X-WR-CALNAME")).isEqualTo("La coopération, une évidence ?");
        // ical4j files America/Montreal under its canonical name; events name the zone they are defined in.
        assertThat(ics.timeZoneIds()).containsExactly("Europe/Paris", "America/Toronto");
        assertThat(ics.events()).hasSize(3);
        VEvent second = ics.events().get(1);
        assertThat(Ics.parameter(second, "DTSTART", "TZID")).isEqualTo("America/Toronto");
        assertThat(Ics.value(second, "DTSTART")).isEqualTo("20261105T180000");
        // winter time in Paris: UTC+1
        assertThat(Ics.value(ics.events().get(2), "DTSTART")).isEqualTo("20261112T180000");
        assertThat(ics.text()).doesNotContain("ATTENDEE").doesNotContain("secret-");
        assertThat(Ics.value(second, "UID")).isEqualTo("session-42-public@parcours.example.org");
    }

    @Test
    void aZoneWithoutDefinitionIsWrittenInUtc() {
        Session utc = session(44L, "seance-utc", "2026-05-01T08:00:00Z", "UTC");
        Ics ics = Ics.parse(calendar.invite(utc, cycle, CalendarSeat.STREAM, ana, 0, SessionCalendar.Method.REQUEST));

        assertThat(ics.text()).contains("DTSTART").contains("20260501T080000Z");
    }

    @Test
    void seatsFromPlainValuesFailSafe() {
        assertThat(CalendarSeat.of("conference")).isEqualTo(CalendarSeat.CONFERENCE);
        assertThat(CalendarSeat.of("STREAM")).isEqualTo(CalendarSeat.STREAM);
        assertThat(CalendarSeat.of("VIP")).isEqualTo(CalendarSeat.STREAM);
        assertThat(SessionCalendar.Method.CANCEL.contentType())
                .isEqualTo("text/calendar; method=CANCEL; charset=UTF-8");
    }
}

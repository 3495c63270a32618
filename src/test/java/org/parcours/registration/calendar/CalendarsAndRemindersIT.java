package org.parcours.registration.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.account.Person;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleEditor;
import org.parcours.cycle.CycleFixtures;
import org.parcours.cycle.CycleStatus;
import org.parcours.cycle.EditFields.SessionFields;
import org.parcours.cycle.Session;
import org.parcours.mail.Outbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Calendars, reminders and change notices against the whole application, with a clock the test moves: what gets
 * queued (read back from the mail queue, attachments parsed and validated with ical4j) and what the feeds serve.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({CycleFixtures.class, RegistrationRows.class, QueuedMail.class, TestClock.Config.class})
class CalendarsAndRemindersIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    CycleFixtures fixtures;

    @Autowired
    RegistrationRows rows;

    @Autowired
    QueuedMail mails;

    @Autowired
    TestClock clock;

    @Autowired
    Reminders reminders;

    @Autowired
    CalendarFeeds feeds;

    @Autowired
    SessionCalendar calendar;

    @Autowired
    CycleEditor editor;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    Cycle cycle;
    Session session;
    OffsetDateTime start;
    Person ana;
    Person bob;
    long anaRegistration;
    long bobRegistration;

    @BeforeEach
    void setUp() {
        clock.set(TestClock.START);
        cycle = fixtures.publishedCycle("Coopérer " + CycleFixtures.unique("c"));
        start = TestClock.START.plus(Duration.ofDays(2)).atOffset(ZoneOffset.UTC);
        session = fixtures.session(cycle, 1, "Séance une", start, 60);
        OffsetDateTime early = start.minusDays(10);
        ana = rows.person("Ana", Locale.FRENCH);
        bob = rows.person("Bob", Locale.ENGLISH);
        anaRegistration = rows.register(session.id(), ana, "CONFERENCE", false, early);
        bobRegistration = rows.register(session.id(), bob, "STREAM", true, early);
    }

    private String conferenceUrl() {
        return session.conferenceUrl();
    }

    // ---- reminders

    @Test
    void remindersGoOncePerOffsetWithTheLinksOfEachSeat() {
        Person carl = rows.person("Carl", Locale.FRENCH);
        rows.cancelled(session.id(), carl, start.minusDays(10));
        Person dora = rows.person("Dora", Locale.FRENCH);
        long doraRegistration = rows.register(session.id(), dora, "STREAM", false, start.minusHours(3));

        reminders.sendDue();
        assertThat(mails.count("reminder:" + anaRegistration + ":")).isZero();

        clock.set(start.minusHours(24).plusMinutes(2).toInstant());
        reminders.sendDue();
        reminders.sendDue();
        assertThat(mails.count("reminder:" + anaRegistration + ":PT24H")).isEqualTo(1);
        assertThat(mails.count("reminder:" + bobRegistration + ":PT24H")).isEqualTo(1);
        assertThat(mails.keysTo(carl.email())).isEmpty();
        // Dora registered after the day-before reminder's time: her confirmation said it all.
        assertThat(mails.count("reminder:" + doraRegistration + ":")).isZero();

        // A registration whose transaction was still open during that pass is reminded by the next one.
        Person eve = rows.person("Eve", Locale.FRENCH);
        long eveRegistration = rows.register(
                session.id(), eve, "STREAM", false, start.minusHours(24).minusMinutes(5));
        clock.advance(Duration.ofMinutes(1));
        reminders.sendDue();
        assertThat(mails.count("reminder:" + eveRegistration + ":PT24H")).isEqualTo(1);
        assertThat(mails.count("reminder:" + anaRegistration + ":PT24H")).isEqualTo(1);

        Outbox.Message toAna = mails.get("reminder:" + anaRegistration + ":PT24H");
        assertThat(toAna.entry().recipientAddress()).isEqualTo(ana.email());
        assertThat(toAna.entry().subject()).startsWith("Rappel : Séance une — ");
        assertThat(toAna.textBody())
                .contains(conferenceUrl())
                .contains(session.livestreamUrl())
                .contains("/cycles/" + cycle.slug() + "/sessions/" + session.slug());
        Outbox.Message toBob = mails.get("reminder:" + bobRegistration + ":PT24H");
        assertThat(toBob.entry().subject()).startsWith("Reminder: Séance une — ");
        assertThat(toBob.textBody())
                .contains(session.livestreamUrl())
                .contains("waitlist")
                .doesNotContain("secret-");
        assertThat(toBob.htmlBody()).doesNotContain("secret-");

        clock.set(start.minusMinutes(30).toInstant());
        reminders.sendDue();
        reminders.sendDue();
        assertThat(mails.count("reminder:" + anaRegistration + ":PT1H")).isEqualTo(1);
        assertThat(mails.count("reminder:" + bobRegistration + ":PT1H")).isEqualTo(1);
        assertThat(mails.count("reminder:" + doraRegistration + ":PT1H")).isEqualTo(1);

        clock.set(start.plusMinutes(10).toInstant());
        reminders.sendDue();
        assertThat(mails.keysTo(ana.email())).hasSize(2);
        assertThat(mails.keysTo(dora.email())).hasSize(1);
    }

    @Test
    void aReminderWhoseWindowPassedWhileTheApplicationWasDownIsSkipped() {
        // Down from 2 days before until 30 minutes before: the day-before reminder's window closed an hour before.
        clock.set(start.minusMinutes(30).toInstant());
        reminders.sendDue();

        assertThat(mails.count("reminder:" + anaRegistration + ":PT24H")).isZero();
        assertThat(mails.count("reminder:" + anaRegistration + ":PT1H")).isEqualTo(1);
    }

    @Test
    void pastSessionsGetNoReminder() {
        Session past = fixtures.session(
                cycle, 2, "Passée", TestClock.START.minusSeconds(600).atOffset(ZoneOffset.UTC), 60);
        long registration = rows.register(past.id(), ana, "CONFERENCE", false, start.minusDays(30));

        reminders.sendDue();

        assertThat(mails.count("reminder:" + registration + ":")).isZero();
    }

    // ---- change notices

    @Test
    void aMovedSessionSendsAnUpdatedInvitationWithTheNextSequenceAndACancelledOneACancel() {
        assertThat(calendar.sequence(session.id())).isZero();
        OffsetDateTime later = start.plusDays(1).plusHours(2);

        editor.updateSession(session.id(), fields(session, later, "Séance une"));

        assertThat(calendar.sequence(session.id())).isEqualTo(1);
        Outbox.Message toAna = mails.get("session-change:" + session.id() + ":1:" + ana.id());
        assertThat(toAna.entry().subject()).isEqualTo("Changement d’horaire : Séance une");
        assertThat(toAna.attachments()).hasSize(1);
        assertThat(toAna.attachments().getFirst().contentType()).startsWith("text/calendar; method=REQUEST");
        Ics anaIcs = Ics.parse(mails.attachment(toAna, 0));
        assertThat(anaIcs.property("METHOD")).isEqualTo("REQUEST");
        VEvent event = anaIcs.event();
        assertThat(Ics.value(event, "SEQUENCE")).isEqualTo("1");
        assertThat(Ics.value(event, "UID")).isEqualTo("session-" + session.id() + "@localhost");
        assertThat(Ics.parameter(event, "DTSTART", "TZID")).isEqualTo("Europe/Paris");
        assertThat(anaIcs.timeZoneIds()).containsExactly("Europe/Paris");
        assertThat(Ics.value(event, "DTSTART"))
                .isEqualTo(later.atZoneSameInstant(java.time.ZoneId.of("Europe/Paris"))
                        .toLocalDateTime()
                        .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")));
        assertThat(anaIcs.text()).contains(conferenceUrl());
        Outbox.Message toBob = mails.get("session-change:" + session.id() + ":1:" + bob.id());
        assertThat(new String(mails.attachment(toBob, 0), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("secret-");
        assertThat(toBob.textBody()).contains("New time");

        // Another change that does not move it: no notice, same sequence.
        editor.updateSession(session.id(), fields(session, later, "Séance une, revue"));
        assertThat(calendar.sequence(session.id())).isEqualTo(1);
        assertThat(mails.keysTo(ana.email())).hasSize(1);

        editor.updateSession(session.id(), fields(session, later.plusHours(1), "Séance une, revue"));
        assertThat(calendar.sequence(session.id())).isEqualTo(2);
        assertThat(Ics.value(
                        Ics.parse(mails.attachment(mails.get("session-change:" + session.id() + ":2:" + ana.id()), 0))
                                .event(),
                        "SEQUENCE"))
                .isEqualTo("2");

        editor.deleteSession(session.id());
        Outbox.Message cancel = mails.get("session-cancel:" + session.id() + ":3:" + ana.id());
        assertThat(cancel.entry().subject()).isEqualTo("Séance annulée : Séance une, revue");
        Ics cancelIcs = Ics.parse(mails.attachment(cancel, 0));
        assertThat(cancelIcs.property("METHOD")).isEqualTo("CANCEL");
        assertThat(Ics.value(cancelIcs.event(), "SEQUENCE")).isEqualTo("3");
        assertThat(Ics.value(cancelIcs.event(), "STATUS")).isEqualTo("CANCELLED");
        assertThat(mails.byKey("session-cancel:" + session.id() + ":3:" + bob.id()))
                .isPresent();
    }

    private static SessionFields fields(Session s, OffsetDateTime startsAt, String title) {
        return new SessionFields(
                s.slug(),
                title,
                startsAt,
                s.timeZone(),
                s.durationMinutes(),
                s.summary(),
                s.description(),
                s.livestreamUrl(),
                s.conferenceUrl(),
                s.seatCap());
    }

    // ---- feeds

    @Test
    void theCyclePageOffersTheSubscriptionAndTheFile() throws Exception {
        String html = mvc.perform(get("/cycles/{slug}", cycle.slug()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var page = org.jsoup.Jsoup.parse(html);
        assertThat(page.select("a[href=/cycles/" + cycle.slug() + "/calendar]").text())
                .isEqualTo("S’abonner au calendrier du cycle");
        assertThat(page.select("a[href=/cycles/" + cycle.slug() + "/calendar.ics]"))
                .hasSize(1);
    }

    @Test
    void invitationsCanBeAskedForWithPlainValues() {
        Ics request = Ics.parse(calendar.invite(session.id(), ana.id(), "CONFERENCE", "REQUEST"));
        assertThat(request.text())
                .contains(conferenceUrl())
                .contains("ATTENDEE")
                .contains(ana.email());
        Ics cancel = Ics.parse(calendar.invite(session.id(), bob.id(), "STREAM", "CANCEL"));
        assertThat(cancel.property("METHOD")).isEqualTo("CANCEL");
        assertThat(cancel.text()).doesNotContain("secret-").contains("Livestream: ");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> calendar.invite(Long.MAX_VALUE, ana.id(), "STREAM", "REQUEST"))
                .isInstanceOf(org.parcours.web.NotFoundException.class);
    }

    @Test
    void anErasedPersonsFeedLinkStopsWorking() throws Exception {
        String path = URI.create(feeds.link(ana.id()).url()).getPath();
        mvc.perform(get(path)).andExpect(status().isOk());

        tx.executeWithoutResult(s -> events.publishEvent(new org.parcours.account.PersonErasing(ana.id())));

        mvc.perform(get(path)).andExpect(status().isNotFound());
    }

    @Test
    void theCycleFeedIsPublicWithTheStreamLinkOnly() throws Exception {
        Session second = fixtures.session(cycle, 2, "Séance deux", start.plusDays(7), 90);
        var response = mvc.perform(get("/cycles/{slug}/calendar.ics", cycle.slug()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/calendar;charset=UTF-8"))
                .andReturn()
                .getResponse();

        Ics ics = Ics.parse(response.getContentAsByteArray());
        assertThat(ics.events()).hasSize(2);
        assertThat(ics.timeZoneIds()).containsExactly("Europe/Paris");
        assertThat(ics.property("METHOD")).isEmpty();
        assertThat(ics.text())
                .contains(session.livestreamUrl())
                .contains(second.livestreamUrl())
                .doesNotContain("secret-")
                .doesNotContain(ana.email());
    }

    @Test
    void draftAndUnknownCyclesHaveNoFeed() throws Exception {
        Cycle draft = fixtures.cycle("Brouillon", CycleStatus.DRAFT, "");
        mvc.perform(get("/cycles/{slug}/calendar.ics", draft.slug())).andExpect(status().isNotFound());
        mvc.perform(get("/cycles/{slug}/calendar.ics", "nope-" + CycleFixtures.unique("x")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cycles/{slug}/calendar", draft.slug())).andExpect(status().isNotFound());
    }

    @Test
    void theCyclePageLinkLeadsToAWebcalSubscription() throws Exception {
        mvc.perform(get("/cycles/{slug}/calendar", cycle.slug()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("webcal://localhost:8080/cycles/" + cycle.slug() + "/calendar.ics"));
    }

    @Test
    void thePersonalFeedOpensOnlyWithItsTokenAndCarriesEachSeatsLinks() throws Exception {
        CalendarFeedLink link = feeds.link(ana.id());
        assertThat(feeds.link(ana.id())).isEqualTo(link);
        assertThat(link.webcal())
                .startsWith("webcal://localhost:8080/calendar/")
                .endsWith(".ics");
        String path = URI.create(link.url()).getPath();

        var response = mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/calendar;charset=UTF-8"))
                .andExpect(header().string("X-Robots-Tag", "noindex, nofollow"))
                .andReturn()
                .getResponse();
        Ics ics = Ics.parse(response.getContentAsByteArray());
        assertThat(ics.property("X-WR-CALNAME")).isEqualTo("Parcours — mes séances");
        VEvent event = ics.event();
        assertThat(Ics.value(event, "UID")).isEqualTo("session-" + session.id() + "@localhost");
        assertThat(ics.text()).contains(conferenceUrl()).doesNotContain("ATTENDEE");

        String bobPath = URI.create(feeds.link(bob.id()).url()).getPath();
        String bobFeed = mvc.perform(get(bobPath)).andReturn().getResponse().getContentAsString();
        assertThat(bobFeed).contains(session.livestreamUrl()).doesNotContain("secret-");

        String forged = path.substring(0, path.length() - 8) + "AAAA.ics";
        mvc.perform(get(forged)).andExpect(status().isNotFound());
        mvc.perform(get("/calendar/not-a-token.ics")).andExpect(status().isNotFound());
        mvc.perform(get("/calendar/" + "A".repeat(43) + ".ics")).andExpect(status().isNotFound());
    }

    @Test
    void aNewFeedLinkMakesTheOldOneStopWorking() throws Exception {
        String old = URI.create(feeds.link(ana.id()).url()).getPath();

        mvc.perform(post("/calendar/reset")).andExpect(status().isForbidden());
        mvc.perform(post("/calendar/reset").with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/calendar/reset").with(csrf()).with(user(ana.email())))
                .andExpect(redirectedUrl("/me#calendar-feed"));

        mvc.perform(get(old)).andExpect(status().isNotFound());
        String fresh = URI.create(feeds.link(ana.id()).url()).getPath();
        assertThat(fresh).isNotEqualTo(old);
        mvc.perform(get(fresh)).andExpect(status().isOk());
    }
}

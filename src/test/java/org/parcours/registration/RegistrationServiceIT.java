package org.parcours.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleEditor;
import org.parcours.cycle.EditFields.SessionFields;
import org.parcours.cycle.Session;
import org.parcours.registration.RegistrationFixtures.StoredMail;
import org.parcours.registration.RegistrationRefusedException.Reason;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The seat rules end to end through {@link RegistrationService}, on the test database. */
@SpringBootTest
@Import({RegistrationFixtures.class, TestClock.Config.class})
class RegistrationServiceIT {

    @Autowired
    RegistrationFixtures fixtures;

    @Autowired
    RegistrationService registrations;

    @Autowired
    RegistrationAdmin admin;

    @Autowired
    CycleEditor editor;

    @Autowired
    CancelLinks links;

    @Autowired
    TestClock clock;

    @Test
    void wholeCycleRegistrationSeatsThePersonEverywhereAndRepeatingChangesNothing() {
        Cycle cycle = fixtures.publishedCycle();
        Session one = fixtures.session(cycle, Duration.ofDays(2), 10);
        Session two = fixtures.session(cycle, Duration.ofDays(9), 10);
        String email = RegistrationFixtures.email("ana");

        RegistrationService.Outcome first = fixtures.register(cycle, email, true);
        RegistrationService.Outcome again = fixtures.register(cycle, email, true);

        assertThat(first.changed()).isTrue();
        assertThat(first.seats()).extracting(s -> s.session().id()).containsExactly(one.id(), two.id());
        assertThat(first.seats()).extracting(SessionSeat::state).containsOnly(SeatState.CONFERENCE);
        assertThat(again.changed()).isFalse();
        assertThat(again.seats())
                .extracting(s -> s.registration().id())
                .containsExactlyElementsOf(
                        first.seats().stream().map(s -> s.registration().id()).toList());
        List<StoredMail> mails = fixtures.mailsTo(email);
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.category()).isEqualTo("registration.confirmation");
            assertThat(m.subject()).contains(cycle.title());
            // seated: the conference link of both sessions, and a cancel link per session plus one for all
            assertThat(m.htmlBody()).contains(one.conferenceUrl(), two.conferenceUrl(), one.livestreamUrl());
            assertThat(m.htmlBody()).contains("/registrations/cancel/r", "/registrations/cancel/a");
        });
        assertThat(fixtures.seatsTaken(one.id())).isEqualTo(1);
    }

    @Test
    void withoutAskingForAConferenceSeatPeopleGetAStreamSeatAndNoConferenceLink() {
        Cycle cycle = fixtures.publishedCycle();
        Session one = fixtures.session(cycle, Duration.ofDays(2), 10);
        String email = RegistrationFixtures.email("bo");

        RegistrationService.Outcome outcome = fixtures.register(cycle, email, false, one);

        assertThat(outcome.seats())
                .singleElement()
                .extracting(SessionSeat::state)
                .isEqualTo(SeatState.STREAM);
        assertThat(fixtures.mailsTo(email)).singleElement().satisfies(m -> {
            assertThat(m.htmlBody()).doesNotContain(one.conferenceUrl());
            assertThat(m.htmlBody()).contains(one.livestreamUrl());
        });
        assertThat(fixtures.seatsTaken(one.id())).isZero();
    }

    @Test
    void fullSessionsWaitlistInOrderAndACancellationPromotesTheFirstAtOnce() {
        Cycle cycle = fixtures.publishedCycle();
        Session s = fixtures.session(cycle, Duration.ofDays(3), 1);
        String seated = RegistrationFixtures.email("seated");
        String first = RegistrationFixtures.email("first");
        String second = RegistrationFixtures.email("second");
        SessionSeat seat = fixtures.register(cycle, seated, true, s).seats().getFirst();
        SessionSeat w1 = fixtures.register(cycle, first, true, s).seats().getFirst();
        SessionSeat w2 = fixtures.register(cycle, second, true, s).seats().getFirst();
        assertThat(w1.state()).isEqualTo(SeatState.WAITLISTED);
        assertThat(position(w1)).isEqualTo(1);
        assertThat(position(w2)).isEqualTo(2);
        assertThat(fixtures.mailsTo(first)).singleElement().satisfies(m -> {
            assertThat(m.htmlBody()).doesNotContain(s.conferenceUrl());
        });

        RegistrationService.CancelPreview result =
                registrations.cancel(new CancelLinks.One(seat.registration().id(), 1));

        assertThat(result).isInstanceOf(RegistrationService.CancelPreview.Possible.class);
        assertThat(fixtures.mailsTo(seated, "registration.cancellation")).hasSize(1);
        List<StoredMail> promotion = fixtures.mailsTo(first, "registration.promotion");
        assertThat(promotion)
                .singleElement()
                .satisfies(m -> assertThat(m.htmlBody()).contains(s.conferenceUrl()));
        assertThat(fixtures.mailsTo(second, "registration.promotion")).isEmpty();
        assertThat(fixtures.seatsTaken(s.id())).isEqualTo(1);
        assertThat(position(w2)).isEqualTo(1);

        // cancelling again changes nothing and sends nothing
        assertThat(registrations.cancel(new CancelLinks.One(seat.registration().id(), 1)))
                .isInstanceOf(RegistrationService.CancelPreview.AlreadyCancelled.class);
        assertThat(fixtures.mailsTo(seated, "registration.cancellation")).hasSize(1);
        assertThat(fixtures.mailsTo(first, "registration.promotion")).hasSize(1);
    }

    @Test
    void aRegisteredPersonAskingLaterForASeatJoinsTheWaitlistAndIsToldOnce() {
        Cycle cycle = fixtures.publishedCycle();
        Session s = fixtures.session(cycle, Duration.ofDays(3), 0);
        String email = RegistrationFixtures.email("later");
        fixtures.register(cycle, email, false, s);

        SessionSeat upgraded = fixtures.register(cycle, email, true, s).seats().getFirst();
        fixtures.register(cycle, email, true, s);

        assertThat(upgraded.state()).isEqualTo(SeatState.WAITLISTED);
        assertThat(fixtures.mailsTo(email))
                .extracting(StoredMail::category)
                .containsExactly("registration.confirmation", "registration.waitlist");
    }

    @Test
    void registeringAgainAfterCancellingGivesANewRegistrationAndOldLinksStopWorking() {
        Cycle cycle = fixtures.publishedCycle();
        Session s = fixtures.session(cycle, Duration.ofDays(3), 5);
        String email = RegistrationFixtures.email("again");
        Registration r =
                fixtures.register(cycle, email, true, s).seats().getFirst().registration();
        String oldToken = links.token(r);
        registrations.cancel(links.verify(oldToken).orElseThrow());

        Registration back =
                fixtures.register(cycle, email, true, s).seats().getFirst().registration();

        assertThat(back.id()).isEqualTo(r.id());
        assertThat(back.active()).isTrue();
        assertThat(back.activation()).isEqualTo(2);
        assertThat(fixtures.mailsTo(email, "registration.confirmation")).hasSize(2);
        assertThat(registrations.preview(links.verify(oldToken).orElseThrow()))
                .isInstanceOf(RegistrationService.CancelPreview.Outdated.class);
        assertThat(registrations.preview(links.verify(links.token(back)).orElseThrow()))
                .isInstanceOf(RegistrationService.CancelPreview.Possible.class);
    }

    @Test
    void refusesDraftCyclesStartedSessionsAndSessionsOfOtherCycles() {
        Cycle draft = fixtures.draftCycle();
        fixtures.session(draft, Duration.ofDays(2), 10);
        Cycle cycle = fixtures.publishedCycle();
        Session started = fixtures.session(cycle, Duration.ofMinutes(-10), 10);
        Cycle other = fixtures.publishedCycle();
        Session elsewhere = fixtures.session(other, Duration.ofDays(2), 10);
        String email = RegistrationFixtures.email("refused");

        assertRefused(() -> fixtures.register(draft, email, true), Reason.CYCLE_NOT_OPEN);
        assertRefused(() -> fixtures.register(cycle, email, true, started), Reason.SESSION_STARTED);
        assertRefused(() -> fixtures.register(cycle, email, true), Reason.NOTHING_UPCOMING);
        assertRefused(() -> fixtures.register(cycle, email, true, elsewhere), Reason.SESSION_UNKNOWN);
        assertThat(fixtures.mailsTo(email)).isEmpty();
        assertThat(fixtures.registrations(started.id())).isEmpty();
    }

    @Test
    void seatsFreezeBeforeTheStart() {
        Cycle cycle = fixtures.publishedCycle();
        Session s = fixtures.session(cycle, Duration.ofHours(3), 1);
        String seated = RegistrationFixtures.email("seated");
        String waiting = RegistrationFixtures.email("waiting");
        SessionSeat seat = fixtures.register(cycle, seated, true, s).seats().getFirst();
        fixtures.register(cycle, waiting, true, s);

        clock.advance(Duration.ofMinutes(150)); // 30 minutes before the start: frozen (default: one hour)
        try {
            String late = RegistrationFixtures.email("late");
            SessionSeat lateSeat =
                    fixtures.register(cycle, late, true, s).seats().getFirst();
            registrations.cancel(new CancelLinks.One(seat.registration().id(), 1));

            assertThat(lateSeat.state()).isEqualTo(SeatState.STREAM);
            assertThat(fixtures.mailsTo(waiting, "registration.promotion")).isEmpty();
            assertThat(fixtures.seatsTaken(s.id())).isZero();
            assertThat(registrations.counts(s).frozen()).isTrue();
        } finally {
            clock.advance(Duration.ofMinutes(-150));
        }
    }

    @Test
    void aHigherCapPromotesWaitingPeopleAndALowerOneEvictsNobody() {
        Cycle cycle = fixtures.publishedCycle();
        Session s = fixtures.session(cycle, Duration.ofDays(4), 1);
        String a = RegistrationFixtures.email("a");
        String b = RegistrationFixtures.email("b");
        String c = RegistrationFixtures.email("c");
        fixtures.register(cycle, a, true, s);
        fixtures.register(cycle, b, true, s);
        fixtures.register(cycle, c, true, s);

        editor.updateSession(s.id(), fields(s, 2)).orElseThrow();
        assertThat(fixtures.mailsTo(b, "registration.promotion")).hasSize(1);
        assertThat(fixtures.mailsTo(c, "registration.promotion")).isEmpty();
        assertThat(fixtures.seatsTaken(s.id())).isEqualTo(2);

        editor.updateSession(s.id(), fields(s, 0)).orElseThrow();
        assertThat(fixtures.registrations(s.id()))
                .filteredOn(Registration::seated)
                .hasSize(2);
        RegistrationService.CancelPreview cancelled = registrations.cancel(
                new CancelLinks.One(fixtures.registrations(s.id()).getFirst().id(), 1));
        assertThat(cancelled).isInstanceOf(RegistrationService.CancelPreview.Possible.class);
        // the freed seat is not given again: the cap is now 0
        assertThat(fixtures.mailsTo(c, "registration.promotion")).isEmpty();
        assertThat(fixtures.seatsTaken(s.id())).isEqualTo(1);
    }

    @Test
    void aSessionAddedLaterRegistersEveryoneFollowingTheWholeCycle() {
        Cycle cycle = fixtures.publishedCycle();
        fixtures.session(cycle, Duration.ofDays(2), 10);
        String whole = RegistrationFixtures.email("whole");
        String single = RegistrationFixtures.email("single");
        fixtures.register(cycle, whole, true);
        fixtures.register(cycle, single, true, registrationsSessions(cycle).getFirst());

        Session added = fixtures.session(cycle, Duration.ofDays(9), 10);

        assertThat(fixtures.registrations(added.id()))
                .singleElement()
                .satisfies(r -> assertThat(r.seated()).isTrue());
        assertThat(fixtures.mailsTo(whole))
                .extracting(StoredMail::subject)
                .hasSize(2)
                .last()
                .asString()
                .contains("Nouvelle séance");
        assertThat(fixtures.mailsTo(single)).hasSize(1);
    }

    @Test
    void organisersPromoteMoveAndRemoveByHand() {
        Cycle cycle = fixtures.publishedCycle();
        Session s = fixtures.session(cycle, Duration.ofDays(3), 1);
        String a = RegistrationFixtures.email("a");
        String b = RegistrationFixtures.email("b");
        Registration ra =
                fixtures.register(cycle, a, true, s).seats().getFirst().registration();
        Registration rb =
                fixtures.register(cycle, b, false, s).seats().getFirst().registration();

        assertThat(admin.promote(rb.id())).isEqualTo(RegistrationAdmin.Result.NO_FREE_SEAT);
        assertThat(admin.moveToStream(ra.id())).isEqualTo(RegistrationAdmin.Result.DONE);
        assertThat(admin.promote(rb.id())).isEqualTo(RegistrationAdmin.Result.DONE);
        assertThat(admin.promote(rb.id())).isEqualTo(RegistrationAdmin.Result.NOT_APPLICABLE);
        assertThat(admin.remove(rb.id())).isEqualTo(RegistrationAdmin.Result.DONE);

        assertThat(fixtures.mailsTo(a))
                .extracting(StoredMail::category)
                .containsExactly("registration.confirmation", "registration.stream");
        assertThat(fixtures.mailsTo(b))
                .extracting(StoredMail::category)
                .containsExactly("registration.confirmation", "registration.promotion", "registration.cancellation");
        assertThat(fixtures.seatsTaken(s.id())).isZero();
        RegistrationAdmin.SessionRoster roster = admin.session(s.id()).orElseThrow();
        assertThat(roster.rows())
                .singleElement()
                .satisfies(row -> assertThat(row.state()).isEqualTo(SeatState.STREAM));
    }

    @Test
    void messagesToAllRegistrantsAreMailedOncePerMessage() {
        Cycle cycle = fixtures.publishedCycle();
        Session s = fixtures.session(cycle, Duration.ofDays(3), 1);
        String a = RegistrationFixtures.email("a");
        String b = RegistrationFixtures.email("b");
        fixtures.register(cycle, a, true, s);
        fixtures.register(cycle, b, true);
        String id = java.util.UUID.randomUUID().toString();

        assertThat(admin.messageCycle(cycle.id(), id, "Programme", "Voici le **programme**."))
                .isEqualTo(2);
        assertThat(admin.messageCycle(cycle.id(), id, "Programme", "Voici le **programme**."))
                .isEqualTo(2);

        assertThat(fixtures.mailsTo(a, "registration.message")).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Programme");
            assertThat(m.htmlBody()).contains("<strong>programme</strong>");
        });
        assertThat(fixtures.mailsTo(b, "registration.message")).hasSize(1);
    }

    @Test
    void exportsAPersonsRegistrations() {
        Cycle cycle = fixtures.publishedCycle();
        Session s = fixtures.session(cycle, Duration.ofDays(3), 1);
        String a = RegistrationFixtures.email("export");
        long personId = fixtures.register(cycle, a, true).person().id();

        Object export = registrationData.export(personId);

        String json = tools.jackson.databind.json.JsonMapper.builder()
                .findAndAddModules()
                .build()
                .writeValueAsString(export);
        assertThat(json).contains(cycle.title(), s.title(), "\"seat\":\"CONFERENCE\"", "wholeCycles");
    }

    @Autowired
    RegistrationData registrationData;

    private List<Session> registrationsSessions(Cycle cycle) {
        return cyclesService.sessions(cycle.id());
    }

    @Autowired
    org.parcours.cycle.CycleService cyclesService;

    private int position(SessionSeat seat) {
        return registrations.registrationsOf(seat.registration().personId()).stream()
                .flatMap(c -> c.seats().stream())
                .filter(x -> x.registration().id() == seat.registration().id())
                .findFirst()
                .orElseThrow()
                .waitlistPosition();
    }

    private static SessionFields fields(Session s, int cap) {
        return new SessionFields(
                s.slug(),
                s.title(),
                s.startsAt(),
                s.timeZone(),
                s.durationMinutes(),
                s.summary(),
                s.description(),
                s.livestreamUrl(),
                s.conferenceUrl(),
                cap);
    }

    private static void assertRefused(Runnable action, Reason reason) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(
                        RegistrationRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @SuppressWarnings("unused")
    private static final Set<Locale> LOCALES = Set.of(Locale.FRENCH);

    @SuppressWarnings("unused")
    private static final OffsetDateTime NEVER = null;
}

package org.parcours.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.account.Participants;
import org.parcours.account.Person;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleFixtures;
import org.parcours.cycle.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Polls (rules and results), takeaways (private journal, anonymous wall), room settings and the archive. */
@SpringBootTest(properties = "parcours.rate-limit.enabled=false")
@AutoConfigureMockMvc
@Import(CycleFixtures.class)
class PollsAndTakeawaysIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    CycleFixtures fixtures;

    @Autowired
    PollService polls;

    @Autowired
    TakeawayService takeaways;

    @Autowired
    LiveParticipants participants;

    @Autowired
    Participants people;

    @Autowired
    RoomService rooms;

    @Autowired
    QuestionService questions;

    @Autowired
    JdbcClient jdbc;

    Session session;
    String livePath;

    static final RequestPostProcessor ORGANISER = user("organiser@live.test").roles("ORGANISER");

    @BeforeEach
    void openRoom() {
        Cycle cycle = fixtures.publishedCycle("Polls " + CycleFixtures.unique("c"));
        session = fixtures.sessionFromNow(cycle, 1, "Polled", -5);
        livePath = "/cycles/" + cycle.slug() + "/sessions/" + session.slug() + "/live";
    }

    Participant guest(String name) {
        return participants.joinAsGuest(session.id(), UUID.randomUUID().toString(), name);
    }

    static void refused(Refusal refusal, Runnable action) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(
                        LiveRefusedException.class, e -> assertThat(e.refusal()).isEqualTo(refusal));
    }

    @Test
    void pollsAreAnsweredWhileOpenAndCountVoters() {
        PollView poll = polls.create(session.id(), "Which format?", List.of("Talk", "Workshop", " ", "Both"), false);
        assertThat(poll.options()).extracting(PollView.Option::text).containsExactly("Talk", "Workshop", "Both");
        long talk = poll.options().get(0).id();
        long both = poll.options().get(2).id();
        Participant ana = guest("Ana");
        Participant bob = guest("Bob");

        refused(Refusal.POLL_CLOSED, () -> polls.answer(ana, poll.id(), List.of(talk)));
        assertThat(polls.list(session.id(), false))
                .as("drafts are for organisers")
                .isEmpty();
        polls.setStatus(session.id(), poll.id(), PollView.PollStatus.OPEN);
        refused(Refusal.BAD_CHOICE, () -> polls.answer(ana, poll.id(), List.of(talk, both)));
        refused(Refusal.BAD_CHOICE, () -> polls.answer(ana, poll.id(), List.of(999_999L)));
        refused(Refusal.BAD_CHOICE, () -> polls.answer(ana, poll.id(), List.of()));

        polls.answer(ana, poll.id(), List.of(talk));
        polls.answer(bob, poll.id(), List.of(talk));
        polls.answer(bob, poll.id(), List.of(both));
        PollView results = polls.find(session.id(), poll.id()).orElseThrow();
        assertThat(results.voters()).isEqualTo(2);
        assertThat(results.options()).extracting(PollView.Option::count).containsExactly(1, 0, 1);
        assertThat(results.options().get(0).percentOf(results.voters())).isEqualTo(50);

        polls.setStatus(session.id(), poll.id(), PollView.PollStatus.CLOSED);
        refused(Refusal.POLL_CLOSED, () -> polls.answer(ana, poll.id(), List.of(both)));
        refused(Refusal.BAD_CHOICE, () -> polls.create(session.id(), "One?", List.of("Only"), false));
        refused(Refusal.BAD_CHOICE, () -> polls.create(session.id(), "Same?", List.of("A", "A"), false));
    }

    @Test
    void multipleChoicePolls() {
        PollView poll = polls.create(session.id(), "Which topics?", List.of("A", "B", "C"), true);
        polls.setStatus(session.id(), poll.id(), PollView.PollStatus.OPEN);
        Participant ana = guest("Ana");
        polls.answer(
                ana,
                poll.id(),
                List.of(poll.options().get(0).id(), poll.options().get(2).id()));
        PollView results = polls.find(session.id(), poll.id()).orElseThrow();
        assertThat(results.voters()).isEqualTo(1);
        assertThat(results.options()).extracting(PollView.Option::count).containsExactly(1, 0, 1);
    }

    @Test
    void takeawaysDuringTheClosingArePrivateUnlessShared() {
        jdbc.sql("""
                        insert into agenda_segment (session_id, position, kind, title, planned_minutes)
                        values (:s, 3, 'CLOSING', 'What I take away', 10)""").param("s", session.id()).update();
        Person person = people.findOrCreate("Léa", "lea" + UUID.randomUUID() + "@live.test", Locale.FRENCH);
        Participant lea = participants.forPerson(session.id(), person.id(), person.displayName());
        refused(Refusal.TAKEAWAY_NOT_NOW, () -> takeaways.write(lea, "Too early", false));
        rooms.setSegment(session.id(), 2);
        refused(Refusal.TAKEAWAY_NOT_NOW, () -> takeaways.write(lea, "Exchanges are not the closing", false));

        rooms.setSegment(session.id(), 3);
        TakeawayView kept = takeaways.write(lea, "Cooperation is learnt by doing", false);
        TakeawayView shared = takeaways.write(guest("Bob"), "Trust comes first", true);

        assertThat(takeaways.wall(session.id(), false))
                .extracting(TakeawayView::text)
                .containsExactly("Trust comes first");
        assertThat(takeaways.ofPerson(person.id())).extracting(TakeawayView::id).containsExactly(kept.id());
        takeaways.setHidden(session.id(), shared.id(), true);
        assertThat(takeaways.wall(session.id(), false)).isEmpty();
        assertThat(takeaways.wall(session.id(), true)).hasSize(1);
        refused(Refusal.NOT_FOUND, () -> takeaways.setHidden(session.id(), kept.id(), true));
    }

    @Test
    void settingsAreCheckedAndSavedAndTheArchiveListsWhatTheRoomKept() throws Exception {
        mvc.perform(post("/admin/live/" + session.id())
                        .with(ORGANISER)
                        .with(csrf())
                        .param("opening", "SOMETIMES")
                        .param("opensMinutesBefore", "-3")
                        .param("closesMinutesAfter", "60")
                        .param("chatSlowSeconds", "abc"))
                .andExpect(status().isUnprocessableContent());
        assertThat(rooms.room(session.id()).guestsAllowed()).isFalse();

        mvc.perform(post("/admin/live/" + session.id())
                        .with(ORGANISER)
                        .with(csrf())
                        .param("opening", "OPEN")
                        .param("opensMinutesBefore", "15")
                        .param("closesMinutesAfter", "30")
                        .param("chatSlowSeconds", "10")
                        .param("guestsAllowed", "true"))
                .andExpect(redirectedUrl("/admin/live/" + session.id()));
        LiveRoom room = rooms.room(session.id());
        assertThat(room.opening()).isEqualTo(LiveRoom.Opening.OPEN);
        assertThat(room.guestsAllowed()).isTrue();
        assertThat(room.chatSlowSeconds()).isEqualTo(10);

        Participant ana = guest("Ana");
        questions.ask(ana, "Kept for the archive?");
        Document visitor =
                Jsoup.parse(mvc.perform(get(livePath)).andReturn().getResponse().getContentAsString());
        assertThat(visitor.select("form.join-form"))
                .as("guests are now welcome")
                .hasSize(1);

        mvc.perform(get("/admin/live/" + session.id())
                        .with(user("ana@live.test").roles("PARTICIPANT")))
                .andExpect(status().isForbidden());
        Document archive =
                Jsoup.parse(mvc.perform(get("/admin/live/" + session.id()).with(ORGANISER))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(archive.select("input[name=opening][value=OPEN]").hasAttr("checked"))
                .isTrue();
        assertThat(archive.select("table.archive td.question-text").text()).isEqualTo("Kept for the archive?");
        mvc.perform(get("/live/" + session.id() + "/presenter")).andExpect(status().isOk());
    }
}

package org.parcours.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleFixtures;
import org.parcours.cycle.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Moderation rules and vote counting of {@link QuestionService}, against the database. */
@SpringBootTest(properties = "parcours.rate-limit.enabled=false")
@Import(CycleFixtures.class)
class QuestionModerationIT {

    @Autowired
    CycleFixtures fixtures;

    @Autowired
    QuestionService questions;

    @Autowired
    LiveParticipants participants;

    @Autowired
    RoomService rooms;

    @Autowired
    JdbcClient jdbc;

    Session session;

    @BeforeEach
    void openRoom() {
        Cycle cycle = fixtures.publishedCycle("Moderation " + CycleFixtures.unique("c"));
        session = fixtures.sessionFromNow(cycle, 1, "Moderated", -10);
    }

    Participant guest(String name) {
        return participants.joinAsGuest(session.id(), UUID.randomUUID().toString(), name);
    }

    long events() {
        return rooms.room(session.id()).lastSeq();
    }

    @Test
    void votesCountOncePerParticipantAndCanBeTakenBack() {
        Participant ana = guest("Ana");
        Participant bob = guest("Bob");
        QuestionView question = questions.ask(ana, "Why?");

        assertThat(questions.vote(bob, question.id(), true).votes()).isEqualTo(1);
        long before = events();
        assertThat(questions.vote(bob, question.id(), true).votes()).isEqualTo(1);
        assertThat(events()).as("a repeated vote is not an event").isEqualTo(before);
        assertThat(questions.vote(ana, question.id(), true).votes()).isEqualTo(2);
        assertThat(questions.vote(bob, question.id(), false).votes()).isEqualTo(1);
        assertThat(questions.vote(bob, question.id(), false).votes()).isEqualTo(1);
        assertThat(questions.votedBy(ana.id())).containsExactly(question.id());
        assertThat(questions.votedBy(bob.id())).isEmpty();
    }

    @Test
    void preModeratedQuestionsWaitUntilApproved() {
        rooms.saveSettings(session.id(), new RoomService.RoomSettings(LiveRoom.Opening.AUTO, 30, 60, false, true, 0));
        Participant ana = guest("Ana");
        QuestionView question = questions.ask(ana, "Pending?");

        assertThat(question.status()).isEqualTo(QuestionStatus.PENDING);
        assertThat(questions.list(session.id(), false)).isEmpty();
        assertThat(questions.list(session.id(), true))
                .extracting(QuestionView::id)
                .containsExactly(question.id());
        assertThatThrownBy(() -> questions.vote(guest("Bob"), question.id(), true))
                .isInstanceOfSatisfying(
                        LiveRefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.NOT_SHOWN));

        questions.moderate(session.id(), question.id(), QuestionStatus.VISIBLE);
        assertThat(questions.list(session.id(), false))
                .extracting(QuestionView::id)
                .containsExactly(question.id());
    }

    @Test
    void hiddenAndAnsweredQuestions() {
        Participant ana = guest("Ana");
        QuestionView hidden = questions.ask(ana, "Off topic");
        QuestionView answered = questions.ask(ana, "On topic");

        questions.moderate(session.id(), hidden.id(), QuestionStatus.HIDDEN);
        questions.moderate(session.id(), answered.id(), QuestionStatus.ANSWERED);

        assertThat(questions.list(session.id(), false))
                .extracting(QuestionView::id, QuestionView::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(answered.id(), QuestionStatus.ANSWERED));
        assertThat(questions.list(session.id(), true)).hasSize(2);
    }

    @Test
    void onlyOneQuestionIsPinnedAtATime() {
        Participant ana = guest("Ana");
        QuestionView first = questions.ask(ana, "First");
        QuestionView second = questions.ask(ana, "Second");

        questions.pin(session.id(), first.id(), true);
        questions.pin(session.id(), second.id(), true);

        assertThat(questions.find(session.id(), first.id()).orElseThrow().pinned())
                .isFalse();
        assertThat(questions.find(session.id(), second.id()).orElseThrow().pinned())
                .isTrue();
        questions.moderate(session.id(), second.id(), QuestionStatus.ANSWERED);
        assertThat(questions.find(session.id(), second.id()).orElseThrow().pinned())
                .as("answering ends the discussion")
                .isFalse();
    }

    @Test
    void mergingMovesVotersOnceAndRemovesTheDuplicate() {
        Participant ana = guest("Ana");
        Participant bob = guest("Bob");
        Participant eve = guest("Eve");
        QuestionView original = questions.ask(ana, "How do we decide together?");
        QuestionView duplicate = questions.ask(bob, "How to decide collectively?");
        questions.vote(bob, original.id(), true);
        questions.vote(bob, duplicate.id(), true);
        questions.vote(eve, duplicate.id(), true);

        QuestionView merged = questions.merge(session.id(), duplicate.id(), original.id());

        assertThat(merged.votes()).as("Bob once, Eve").isEqualTo(2);
        assertThat(questions.find(session.id(), duplicate.id()).orElseThrow())
                .extracting(QuestionView::status, QuestionView::mergedInto)
                .containsExactly(QuestionStatus.MERGED, original.id());
        assertThat(questions.list(session.id(), true))
                .extracting(QuestionView::id)
                .containsExactly(original.id());
        assertThat(questions.archive(session.id())).hasSize(2);
        assertThatThrownBy(() -> questions.merge(session.id(), original.id(), original.id()))
                .isInstanceOf(LiveRefusedException.class);
    }

    @Test
    void bannedParticipantsAndClosedRoomsAreRefused() {
        Participant ana = guest("Ana");
        participants.setBanned(session.id(), ana.id(), true);
        Participant banned = participants.find(session.id(), ana.id()).orElseThrow();
        assertThatThrownBy(() -> questions.ask(banned, "Still here?"))
                .isInstanceOfSatisfying(
                        LiveRefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.BANNED));

        rooms.saveSettings(
                session.id(), new RoomService.RoomSettings(LiveRoom.Opening.CLOSED, 30, 60, false, false, 0));
        assertThatThrownBy(() -> questions.ask(guest("Bob"), "Anyone?"))
                .isInstanceOfSatisfying(
                        LiveRefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.ROOM_CLOSED));
        assertThat(jdbc.sql("select count(*) from live_question where session_id = :s")
                        .param("s", session.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void textIsCleanedAndLimited() {
        assertThat(LiveTexts.text("  a\u0000b\r\n\r\n\r\n\r\nc \u202e ", 10)).isEqualTo("ab\n\nc");
        assertThatThrownBy(() -> LiveTexts.text("\u0007 \n ", 10)).isInstanceOf(LiveRefusedException.class);
        assertThat(LiveTexts.text("é".repeat(10), 10)).hasSize(10);
        assertThatThrownBy(() -> LiveTexts.nickname(" a ")).isInstanceOf(LiveRefusedException.class);
        assertThat(LiveTexts.nickname("  Ana\n  Lou ")).isEqualTo("Ana Lou");
    }
}

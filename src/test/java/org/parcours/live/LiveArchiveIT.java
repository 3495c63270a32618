package org.parcours.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleFixtures;
import org.parcours.cycle.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * After the session, its public page shows what the live room leaves: the results of the closed polls and the
 * shared takeaways — never a draft or open poll, a private takeaway or one the organisers hid.
 */
@SpringBootTest(properties = "parcours.rate-limit.enabled=false")
@AutoConfigureMockMvc
@Import(CycleFixtures.class)
class LiveArchiveIT {

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
    RoomService rooms;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thePageOfAPastSessionShowsClosedPollsAndSharedTakeaways() throws Exception {
        Cycle cycle = fixtures.publishedCycle("Archive " + CycleFixtures.unique("c"));
        Session session = fixtures.sessionFromNow(cycle, 1, "Archived room", -5);
        Participant ana =
                participants.joinAsGuest(session.id(), UUID.randomUUID().toString(), "Ana");
        Participant bo =
                participants.joinAsGuest(session.id(), UUID.randomUUID().toString(), "Bo");

        PollView closed = polls.create(session.id(), "Which format next time?", List.of("Talk", "Workshop"), false);
        polls.setStatus(session.id(), closed.id(), PollView.PollStatus.OPEN);
        long workshop = closed.options().get(1).id();
        polls.answer(ana, closed.id(), List.of(workshop));
        polls.answer(bo, closed.id(), List.of(workshop));
        polls.setStatus(session.id(), closed.id(), PollView.PollStatus.CLOSED);
        PollView open = polls.create(session.id(), "Still open question?", List.of("Yes", "No"), false);
        polls.setStatus(session.id(), open.id(), PollView.PollStatus.OPEN);
        polls.create(session.id(), "A draft never shown?", List.of("A", "B"), false);

        jdbc.sql("""
                        insert into agenda_segment (session_id, position, kind, title, planned_minutes)
                        values (:s, 3, 'CLOSING', 'What I take away', 10)""").param("s", session.id()).update();
        rooms.setSegment(session.id(), 3);
        takeaways.write(ana, "Trust comes before cooperation", true);
        takeaways.write(bo, "My private note", false);
        TakeawayView hidden = takeaways.write(bo, "Off-topic remark", true);
        takeaways.setHidden(session.id(), hidden.id(), true);

        String path = "/cycles/" + cycle.slug() + "/sessions/" + session.slug();
        // (in English: the page cache keeps the anonymous French page for the rest of the minute)
        Document during = page(path, "en");
        assertThat(during.select("section.live-archive"))
                .as("nothing before the session is over")
                .isEmpty();

        jdbc.sql("update cycle_session set starts_at = :start where id = :id")
                .param("start", OffsetDateTime.now().minusHours(3))
                .param("id", session.id())
                .update();
        Document after = page(path, "fr");
        String archive = after.select("section.live-archive").text();
        assertThat(archive)
                .contains("Which format next time?", "Workshop", "2 (100 %)", "Trust comes before cooperation")
                .doesNotContain("Still open question?", "A draft never shown?", "My private note", "Off-topic remark")
                .doesNotContain("Ana", "Bo");
        assertThat(after.select("section.live-archive meter")).hasSize(2);
    }

    private Document page(String path, String language) throws Exception {
        String html = mvc.perform(get(path).header("Accept-Language", language))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Jsoup.parse(html);
    }
}

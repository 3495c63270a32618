package org.parcours.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleFixtures;
import org.parcours.cycle.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The live stream over real HTTP: guests join and post through the same requests the page's script makes, real
 * stream clients receive the events; one disconnects, misses events, reconnects with Last-Event-ID and gets
 * exactly what it missed.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parcours.live.guests-allowed=true", "parcours.rate-limit.enabled=false"})
@Import(CycleFixtures.class)
class LiveStreamIT {

    @LocalServerPort
    int port;

    @Autowired
    CycleFixtures fixtures;

    @Autowired
    RoomService rooms;

    String livePath;
    Session session;

    @BeforeEach
    void openSession() {
        Cycle cycle = fixtures.publishedCycle("Live " + CycleFixtures.unique("c"));
        session = fixtures.sessionFromNow(cycle, 1, "Cooperation now", -5);
        livePath = "/cycles/" + cycle.slug() + "/sessions/" + session.slug() + "/live";
    }

    LiveBrowserlessClient guest(String nickname) throws Exception {
        LiveBrowserlessClient guest = new LiveBrowserlessClient("http://127.0.0.1:" + port);
        guest.open(livePath);
        HttpResponse<String> joined = guest.post("/live/" + session.id() + "/join", Map.of("nickname", nickname));
        assertThat(joined.statusCode()).isEqualTo(204);
        Document page = guest.open(livePath);
        assertThat(page.select("form.ask-form")).hasSize(1);
        return guest;
    }

    String ask(LiveBrowserlessClient guest, String text) throws Exception {
        HttpResponse<String> asked = guest.post("/live/" + session.id() + "/questions", Map.of("text", text));
        assertThat(asked.statusCode()).isEqualTo(204);
        return text;
    }

    @Test
    void everyClientGetsEveryEventAndAReconnectingClientGetsWhatItMissed() throws Exception {
        LiveBrowserlessClient ana = guest("Ana");
        LiveBrowserlessClient bob = guest("Bob");
        try (SseTestClient first = SseTestClient.connect(ana.http, ana.streamUri(), null)) {
            SseTestClient second = SseTestClient.connect(bob.http, bob.streamUri(), null);
            assertThat(first.status()).isEqualTo(200);

            ask(ana, "Comment <script>alert(1)</script> coopérer ?");
            SseTestClient.Event seenByFirst = first.nextNumbered();
            SseTestClient.Event seenBySecond = second.nextNumbered();
            assertThat(seenByFirst).isEqualTo(seenBySecond);
            assertThat(seenByFirst.name()).isEqualTo("upsert");
            Document fragment = Jsoup.parseBodyFragment(seenByFirst.data());
            assertThat(fragment.select("li.question .question-text").text())
                    .isEqualTo("Comment <script>alert(1)</script> coopérer ?");
            assertThat(fragment.select("script")).isEmpty();
            assertThat(fragment.select(".question-author").text()).isEqualTo("Ana");
            long questionId =
                    Long.parseLong(fragment.selectFirst("li.question").id().substring(2));

            second.close();
            String missedId = seenBySecond.id();

            ask(ana, "Deuxième question");
            HttpResponse<String> voted =
                    bob.post("/live/" + session.id() + "/questions/" + questionId + "/vote", Map.of("on", "true"));
            assertThat(voted.statusCode()).isEqualTo(200);
            assertThat(voted.body()).contains("\"votes\":1").contains("\"voted\":true");
            // voting twice is idempotent: same count, no new event
            assertThat(bob.post("/live/" + session.id() + "/questions/" + questionId + "/vote", Map.of("on", "true"))
                            .body())
                    .contains("\"votes\":1");
            ask(bob, "Troisième question");

            List<SseTestClient.Event> live = List.of(first.nextNumbered(), first.nextNumbered(), first.nextNumbered());
            assertThat(live).extracting(SseTestClient.Event::name).containsExactly("upsert", "votes", "upsert");
            assertThat(live.get(1).data()).isEqualTo("q-" + questionId + " 1");
            assertThat(first.poll(Duration.ofMillis(300)))
                    .as("no event for the repeated vote")
                    .isNull();
            assertIdsFollow(seenByFirst.id(), live);

            try (SseTestClient back = SseTestClient.connect(bob.http, bob.streamUri(), missedId)) {
                List<SseTestClient.Event> replayed =
                        List.of(back.nextNumbered(), back.nextNumbered(), back.nextNumbered());
                assertThat(replayed).isEqualTo(live);
            }
        }
    }

    @Test
    void chatAndAgendaChangesReachTheStream() throws Exception {
        LiveBrowserlessClient ana = guest("Ana");
        try (SseTestClient watcher = SseTestClient.connect(ana.http, ana.streamUri(), null)) {
            assertThat(ana.post("/live/" + session.id() + "/chat", Map.of("text", "Bonjour <b>à tous</b>"))
                            .statusCode())
                    .isEqualTo(204);
            SseTestClient.Event chat = watcher.nextNumbered();
            Document message = Jsoup.parseBodyFragment(chat.data());
            assertThat(message.select("li.chat-message .chat-text").text()).isEqualTo("Bonjour <b>à tous</b>");
            assertThat(message.select("b")).isEmpty();

            rooms.setSegment(session.id(), 1);
            SseTestClient.Event agenda = watcher.nextNumbered();
            assertThat(agenda.name()).isEqualTo("upsert");
            assertThat(Jsoup.parseBodyFragment(agenda.data())
                            .select("#agenda-panel li[aria-current=step]")
                            .text())
                    .contains("Talk of Cooperation now");
        }
    }

    @Test
    void forgedOrUnknownEventIdsGetAResetInsteadOfEvents() throws Exception {
        LiveBrowserlessClient ana = guest("Ana");
        URI stream = URI.create("http://127.0.0.1:" + port + "/live/stream/" + session.id() + "?lang=fr");
        for (String forged : new String[] {"999999999", "abc", "-4", "1; drop table live_event"}) {
            try (SseTestClient client = SseTestClient.connect(ana.http, stream, forged)) {
                assertThat(client.status()).isEqualTo(200);
                assertThat(client.next().name()).as(forged).isEqualTo("reset");
            }
        }
        try (SseTestClient client = SseTestClient.connect(
                ana.http, URI.create("http://127.0.0.1:" + port + "/live/stream/999999999"), null)) {
            assertThat(client.status()).isEqualTo(404);
        }
    }

    @Test
    void refusalsComeWithAReasonAndNothingIsBroadcast() throws Exception {
        LiveBrowserlessClient ana = guest("Ana");
        try (SseTestClient watcher = SseTestClient.connect(ana.http, ana.streamUri(), null)) {
            HttpResponse<String> empty = ana.post("/live/" + session.id() + "/questions", Map.of("text", "   "));
            assertThat(empty.statusCode()).isEqualTo(422);
            assertThat(empty.body()).isEqualTo("Le texte est vide.");
            HttpResponse<String> tooLong =
                    ana.post("/live/" + session.id() + "/questions", Map.of("text", "x".repeat(301)));
            assertThat(tooLong.statusCode()).isEqualTo(422);

            LiveBrowserlessClient visitor = new LiveBrowserlessClient("http://127.0.0.1:" + port);
            visitor.open(livePath);
            HttpResponse<String> anonymous =
                    visitor.post("/live/" + session.id() + "/questions", Map.of("text", "Who am I?"));
            assertThat(anonymous.statusCode()).isEqualTo(403);
            HttpResponse<String> badNickname = visitor.post("/live/" + session.id() + "/join", Map.of("nickname", "x"));
            assertThat(badNickname.statusCode()).isEqualTo(422);

            assertThat(watcher.poll(Duration.ofMillis(300))).isNull();
        }
    }

    private static void assertIdsFollow(String previous, List<SseTestClient.Event> events) {
        List<Long> ids = new ArrayList<>();
        long expected = Long.parseLong(previous);
        for (SseTestClient.Event event : events) {
            ids.add(Long.parseLong(event.id()));
        }
        List<Long> contiguous = new ArrayList<>();
        for (int i = 1; i <= events.size(); i++) {
            contiguous.add(expected + i);
        }
        assertThat(ids).isEqualTo(contiguous);
    }
}

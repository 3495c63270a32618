package org.parcours.live.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleFixtures;
import org.parcours.cycle.Session;
import org.parcours.live.LiveBrowserlessClient;
import org.parcours.live.LivePresence;
import org.parcours.live.PresenceCounts;
import org.parcours.live.SseTestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Presence over real streams: a guest with two tabs is one person and one stay; a visitor with two tabs (one HTTP
 * session) is one person; a client without any cookie is counted per stream, as nothing tells its streams apart.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parcours.live.guests-allowed=true", "parcours.rate-limit.enabled=false"})
@Import(CycleFixtures.class)
class LivePresenceStreamIT {

    @LocalServerPort
    int port;

    @Autowired
    CycleFixtures fixtures;

    @Autowired
    LiveHubs hubs;

    @Autowired
    LivePresence presence;

    @Test
    void peopleAreCountedOnceWhateverTheirTabs() throws Exception {
        Cycle cycle = fixtures.publishedCycle("Presence " + CycleFixtures.unique("c"));
        Session session = fixtures.sessionFromNow(cycle, 1, "Counted", -5);
        String livePath = "/cycles/" + cycle.slug() + "/sessions/" + session.slug() + "/live";
        String base = "http://127.0.0.1:" + port;

        LiveBrowserlessClient ana = new LiveBrowserlessClient(base);
        ana.open(livePath);
        assertThat(ana.post("/live/" + session.id() + "/join", Map.of("nickname", "Ana"))
                        .statusCode())
                .isEqualTo(204);
        ana.open(livePath);
        LiveBrowserlessClient vic = new LiveBrowserlessClient(base);
        vic.open(livePath);
        HttpClient noCookies = HttpClient.newHttpClient();
        URI anonymous = URI.create(base + "/live/stream/" + session.id() + "?lang=fr");

        try (SseTestClient anaTab1 = SseTestClient.connect(ana.http, ana.streamUri(), null);
                SseTestClient anaTab2 = SseTestClient.connect(ana.http, ana.streamUri(), null);
                SseTestClient vicTab1 = SseTestClient.connect(vic.http, vic.streamUri(), null);
                SseTestClient vicTab2 = SseTestClient.connect(vic.http, vic.streamUri(), null);
                SseTestClient stranger1 = SseTestClient.connect(noCookies, anonymous, null);
                SseTestClient stranger2 = SseTestClient.connect(noCookies, anonymous, null)) {
            assertThat(anaTab2.status()).isEqualTo(200);
            // six streams: Ana, Vic, and two cookie-less streams that cannot be told apart
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                PresenceCounts counts = hubs.total(session.id());
                assertThat(counts.conference()).isZero();
                assertThat(counts.stream()).isEqualTo(4);
            });
            assertThat(presence.attendance(session.id()))
                    .as("Ana's two tabs are one stay")
                    .singleElement()
                    .satisfies(stay -> assertThat(stay.leftAt()).isNull());
        }
    }
}

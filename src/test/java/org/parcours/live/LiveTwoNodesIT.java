package org.parcours.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleFixtures;
import org.parcours.cycle.Session;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes sharing one database and the local Redis (127.0.0.1:6379): a question posted through
 * node A reaches a live stream client on node B, and the other way round. Skipped with a message when Redis is not
 * reachable, unless {@code PARCOURS_REDIS_TESTS=required} (CI), where that is a failure. Each run uses its own
 * pub/sub channel; pub/sub stores nothing in Redis, so there is nothing to clean up there.
 */
class LiveTwoNodesIT {

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        requireRedis();
        String run = UUID.randomUUID().toString();
        String database = System.getenv("PARCOURS_DB_URL") != null
                ? System.getenv("PARCOURS_DB_URL")
                : "jdbc:h2:mem:live-two-nodes-" + run
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        nodeA = node(database, run);
        nodeB = node(database, run);
    }

    private static ConfigurableApplicationContext node(String database, String run) {
        // command-line arguments: they win over application.properties, as a real node's settings would
        return new SpringApplicationBuilder(ParcoursApplication.class)
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.datasource.url=" + database,
                        "--parcours.demo.enabled=false",
                        "--parcours.rate-limit.enabled=false",
                        "--parcours.live.guests-allowed=true",
                        "--parcours.live.bus=redis",
                        "--parcours.live.redis-url=redis://127.0.0.1:6379",
                        "--parcours.live.redis-channel=parcours-test-" + run + ":live");
    }

    private static void requireRedis() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 1_000);
        } catch (IOException e) {
            String message = "Redis is not reachable at 127.0.0.1:6379, so the two-node live room test cannot run";
            if ("required".equals(System.getenv("PARCOURS_REDIS_TESTS"))) {
                throw new AssertionError(message + " (PARCOURS_REDIS_TESTS=required)", e);
            }
            Assumptions.abort(message + "; set PARCOURS_REDIS_TESTS=required to make this a failure");
        }
    }

    @AfterAll
    static void stopNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    static String base(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:"
                + ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    @Test
    void aQuestionPostedOnOneNodeReachesStreamsOnTheOther() throws Exception {
        CycleFixtures fixtures = nodeA.getAutowireCapableBeanFactory().createBean(CycleFixtures.class);
        Cycle cycle = fixtures.publishedCycle("Two nodes " + CycleFixtures.unique("c"));
        Session session = fixtures.sessionFromNow(cycle, 1, "Shared room", -5);
        String livePath = "/cycles/" + cycle.slug() + "/sessions/" + session.slug() + "/live";

        LiveBrowserlessClient onA = new LiveBrowserlessClient(base(nodeA));
        onA.open(livePath);
        assertThat(onA.post("/live/" + session.id() + "/join", Map.of("nickname", "Ana"))
                        .statusCode())
                .isEqualTo(204);
        LiveBrowserlessClient onB = new LiveBrowserlessClient(base(nodeB));
        onB.open(livePath);
        assertThat(onB.post("/live/" + session.id() + "/join", Map.of("nickname", "Bob"))
                        .statusCode())
                .isEqualTo(204);
        onA.open(livePath);
        onB.open(livePath);

        try (SseTestClient watchingB = SseTestClient.connect(onB.http, URI.create(base(nodeB) + onB.stream()), null);
                SseTestClient watchingA =
                        SseTestClient.connect(onA.http, URI.create(base(nodeA) + onA.stream()), null)) {
            assertThat(onA.post("/live/" + session.id() + "/questions", Map.of("text", "Asked on node A"))
                            .statusCode())
                    .isEqualTo(204);
            SseTestClient.Event onNodeB = watchingB.nextNumbered();
            assertThat(Jsoup.parseBodyFragment(onNodeB.data())
                            .select(".question-text")
                            .text())
                    .isEqualTo("Asked on node A");
            assertThat(watchingA.nextNumbered()).isEqualTo(onNodeB);

            assertThat(onB.post("/live/" + session.id() + "/chat", Map.of("text", "Written on node B"))
                            .statusCode())
                    .isEqualTo(204);
            SseTestClient.Event onNodeA = watchingA.nextNumbered();
            assertThat(Jsoup.parseBodyFragment(onNodeA.data())
                            .select(".chat-text")
                            .text())
                    .isEqualTo("Written on node B");
            assertThat(Long.parseLong(onNodeA.id())).isEqualTo(Long.parseLong(onNodeB.id()) + 1);
            assertThat(watchingB.nextNumbered()).isEqualTo(onNodeA);
        }
    }
}

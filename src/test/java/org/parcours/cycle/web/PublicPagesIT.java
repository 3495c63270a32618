package org.parcours.cycle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleFixtures;
import org.parcours.cycle.CycleStatus;
import org.parcours.cycle.Session;
import org.parcours.cycle.Training;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A visitor reads the public pages: home, cycle, session, training; drafts and unknown slugs are 404s. Pages are
 * read through MockMvc; the 404 page through the real server, because MockMvc skips the container's error dispatch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(CycleFixtures.class)
class PublicPagesIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    MockMvc mvc;

    @Autowired
    CycleFixtures fixtures;

    @LocalServerPort
    int port;

    /** A published cycle whose first session is over, second is live and third is still to come. */
    record Running(Cycle cycle, Session past, Session live, Session upcoming) {}

    Running running() {
        Cycle cycle = fixtures.publishedCycle(CycleFixtures.unique("Running cycle"));
        // created out of order on purpose: the path follows positions
        Session upcoming = fixtures.sessionFromNow(cycle, 3, "Third step", 7 * 24 * 60);
        Session past = fixtures.sessionFromNow(cycle, 1, "First step", -7 * 24 * 60);
        Session live = fixtures.sessionFromNow(cycle, 2, "Second step", -10);
        return new Running(cycle, past, live, upcoming);
    }

    MockHttpServletResponse fetch(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    Document page(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = fetch(request);
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    static String sessionUrl(Cycle cycle, Session session) {
        return "/cycles/" + cycle.slug() + "/sessions/" + session.slug();
    }

    static void assertOneH1(Document doc, String text) {
        assertThat(doc.select("h1")).hasSize(1);
        assertThat(doc.selectFirst("h1").text()).isEqualTo(text);
    }

    @Nested
    class Home {

        @Test
        void groupsPublishedCyclesByWhereTheyStandAndHidesDrafts() throws Exception {
            Running running = running();
            Cycle past = fixtures.publishedCycle(CycleFixtures.unique("Past cycle"));
            fixtures.session(past, 1, "Only step", OffsetDateTime.parse("2020-04-02T18:00+02:00"), 60);
            Cycle upcoming = fixtures.publishedCycle(CycleFixtures.unique("Upcoming cycle"));
            fixtures.sessionFromNow(upcoming, 1, "Soon", 60);
            Cycle draft = fixtures.cycle(CycleFixtures.unique("Draft cycle"), CycleStatus.DRAFT, "");
            fixtures.sessionFromNow(draft, 1, "Hidden", 60);
            Training training = fixtures.training(
                    null,
                    CycleFixtures.unique("Home training"),
                    CycleStatus.PUBLISHED,
                    LocalDate.of(2026, 6, 8),
                    LocalDate.of(2026, 6, 10));
            Training draftTraining = fixtures.training(
                    null,
                    CycleFixtures.unique("Draft training"),
                    CycleStatus.DRAFT,
                    LocalDate.of(2026, 6, 8),
                    LocalDate.of(2026, 6, 10));

            Document doc = page(get("/"));

            assertOneH1(doc, "Cycles de webinaires");
            assertThat(section(doc, "live-now").text())
                    .contains(running.cycle().title(), "Session 2 en direct : Second step", "3 sessions");
            assertThat(section(doc, "upcoming").text()).contains(upcoming.title(), "Prochaine session :");
            assertThat(section(doc, "past").text()).contains(past.title(), "1 session, 2 avril 2020");
            assertThat(section(doc, "trainings").text())
                    .contains(training.title(), "du 8 au 10 juin 2026", "3 jours", "Lyon")
                    .doesNotContain(draftTraining.title());
            assertThat(doc.text()).doesNotContain(draft.title());
            assertThat(doc.select("a[href=/cycles/" + running.cycle().slug() + "]"))
                    .hasSize(1);
        }

        Element section(Document doc, String headingId) {
            Element heading = doc.getElementById(headingId);
            assertThat(heading).as("section " + headingId).isNotNull();
            return heading.parent();
        }
    }

    @Nested
    class CyclePage {

        @Test
        void showsThePathInOrderWithEachSessionsStatus() throws Exception {
            Running running = running();

            Document doc = page(get("/cycles/" + running.cycle().slug()));

            assertOneH1(doc, running.cycle().title());
            assertThat(doc.select(".breadcrumb a[href=/]")).hasSize(1);
            assertThat(doc.select(".as-path").text()).contains("conçu comme un parcours", "rappel des points clés");
            assertThat(doc.select(".prose em").text()).isEqualTo("several");
            List<Element> steps = doc.select("ol.path > li");
            assertThat(steps)
                    .extracting(li -> li.selectFirst("h3 a").text())
                    .containsExactly("First step", "Second step", "Third step");
            assertThat(steps)
                    .extracting(li -> li.selectFirst(".badge").text())
                    .containsExactly("Passée", "En direct", "À venir");
            assertThat(steps.get(1).selectFirst("h3 a").attr("href"))
                    .isEqualTo(sessionUrl(running.cycle(), running.live()));
            Element time = steps.get(0).selectFirst("time");
            assertThat(OffsetDateTime.parse(time.attr("datetime")).toInstant())
                    .isEqualTo(running.past().startsAt().toInstant());
            assertThat(steps.get(0).text()).contains("1 h", "(heure");
            assertThat(doc.selectFirst(".page-status").text()).isEqualTo("En cours");
        }

        @Test
        void listsTheTrainingsThatGoFurther() throws Exception {
            Running running = running();
            Training training = fixtures.training(
                    running.cycle(),
                    CycleFixtures.unique("Further"),
                    CycleStatus.PUBLISHED,
                    LocalDate.of(2026, 6, 8),
                    LocalDate.of(2026, 6, 10));
            Training draft = fixtures.training(
                    running.cycle(),
                    CycleFixtures.unique("Not yet"),
                    CycleStatus.DRAFT,
                    LocalDate.of(2026, 6, 8),
                    LocalDate.of(2026, 6, 10));

            Document doc = page(get("/cycles/" + running.cycle().slug()));

            Element goFurther = doc.getElementById("go-further").parent();
            assertThat(goFurther.select("a[href=/trainings/" + training.slug() + "]"))
                    .hasSize(1);
            assertThat(goFurther.text()).doesNotContain(draft.title());
        }

        @Test
        void rendersMarkdownWithScriptsEscaped() throws Exception {
            Cycle cycle = fixtures.cycle(
                    CycleFixtures.unique("Unsafe"),
                    CycleStatus.PUBLISHED,
                    "Hello <script>alert('x')</script> and <img src=x onerror=alert(1)>");

            MockHttpServletResponse response = fetch(get("/cycles/" + cycle.slug()));

            assertThat(response.getStatus()).isEqualTo(200);
            Document doc = Jsoup.parse(response.getContentAsString());
            Element prose = doc.selectFirst(".prose");
            assertThat(prose.select("script, img")).isEmpty();
            assertThat(prose.text()).contains("<script>alert('x')</script>");
            assertThat(response.getContentAsString()).doesNotContain("<script>alert");
        }

        @Test
        void showsDatesInFrenchByDefaultAndInEnglishOnRequest() throws Exception {
            Cycle cycle = fixtures.publishedCycle(CycleFixtures.unique("Dated"));
            fixtures.session(cycle, 1, "April", OffsetDateTime.parse("2020-04-02T18:00+02:00"), 60);

            Document french = page(get("/cycles/" + cycle.slug()));
            Document english = page(get("/cycles/" + cycle.slug()).param("lang", "en"));

            assertThat(french.selectFirst("html").attr("lang")).isEqualTo("fr");
            assertThat(french.selectFirst("ol.path time").text()).isEqualTo("jeudi 2 avril 2020 à 18:00");
            assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
            assertThat(english.selectFirst("ol.path time").text()).isEqualTo("Thursday, April 2, 2020 at 6:00\u202fPM");
            assertThat(english.select("ol.path .badge").text()).isEqualTo("Past");
            assertThat(english.selectFirst("h1").attr("lang")).isEqualTo("fr");
        }
    }

    @Nested
    class SessionPage {

        @Test
        void opensWithTheRecapOfThePreviousSessionsOnly() throws Exception {
            Running running = running();

            Document doc = page(get(sessionUrl(running.cycle(), running.upcoming())));

            assertOneH1(doc, "Third step");
            assertThat(doc.selectFirst(".eyebrow").text()).isEqualTo("Session 3 sur 3");
            Element recap = doc.getElementById("recap").parent();
            assertThat(recap.select("h3 a"))
                    .extracting(Element::text)
                    .containsExactly("Session 1 : First step", "Session 2 : Second step");
            assertThat(recap.select("h3 a").first().attr("href"))
                    .isEqualTo(sessionUrl(running.cycle(), running.past()));
            assertThat(recap.select("li"))
                    .extracting(Element::text)
                    .containsExactly(
                            "First point of First step",
                            "Second point of First step",
                            "First point of Second step",
                            "Second point of Second step");
            assertThat(recap.text()).doesNotContain("Third step");
            Element own = doc.getElementById("key-points").parent();
            assertThat(own.select("li"))
                    .extracting(Element::text)
                    .containsExactly("First point of Third step", "Second point of Third step");
        }

        @Test
        void showsTheAgendaWithOffsetsTheNeighboursAndThePlaceholders() throws Exception {
            Running running = running();

            Document doc = page(get(sessionUrl(running.cycle(), running.live())));

            List<Element> agenda = doc.select("ol.agenda > li");
            assertThat(agenda)
                    .extracting(li -> li.selectFirst(".offset").text())
                    .containsExactly("+0 min", "+5 min", "+30 min");
            assertThat(agenda)
                    .extracting(li -> li.selectFirst(".kind").text())
                    .containsExactly("Rappel", "Présentation", "Échanges");
            assertThat(agenda.get(1).text()).contains("Talk of Second step", "25 min");
            String start =
                    running.live().start().plusMinutes(5).toOffsetDateTime().toString();
            assertThat(OffsetDateTime.parse(agenda.get(1).selectFirst("time").attr("datetime")))
                    .isEqualTo(OffsetDateTime.parse(start));
            assertThat(doc.selectFirst("a[rel=prev]").attr("href"))
                    .isEqualTo(sessionUrl(running.cycle(), running.past()));
            assertThat(doc.selectFirst("a[rel=next]").attr("href"))
                    .isEqualTo(sessionUrl(running.cycle(), running.upcoming()));
            assertThat(doc.selectFirst(".facts .badge").text()).isEqualTo("En direct");
            assertThat(doc.getElementById("replay").parent().text()).contains("La session est en cours");
            assertThat(doc.getElementById("bibliography")).isNotNull();
            assertThat(doc.getElementById("questions")).isNotNull();
            assertThat(doc.getElementById("feedback")).isNotNull();
        }

        @Test
        void firstSessionHasNoRecapAndUpcomingSessionPromisesTheReplay() throws Exception {
            Cycle cycle = fixtures.publishedCycle(CycleFixtures.unique("Fresh"));
            Session first = fixtures.sessionFromNow(cycle, 1, "Opening", 60 * 24);

            Document doc = page(get(sessionUrl(cycle, first)));

            assertThat(doc.getElementById("recap").parent().text()).contains("première session");
            assertThat(doc.getElementById("replay").parent().text())
                    .contains("Le replay et le support présenté seront publiés ici après la session.");
            assertThat(doc.select("a[rel=prev], a[rel=next]")).isEmpty();
        }

        @Test
        void showsTheLivestreamButNeverTheConferenceLink() throws Exception {
            Running running = running();

            for (String url : List.of(
                    "/",
                    "/cycles/" + running.cycle().slug(),
                    sessionUrl(running.cycle(), running.live()),
                    sessionUrl(running.cycle(), running.upcoming()))) {
                String html = fetch(get(url)).getContentAsString();
                assertThat(html).as(url).doesNotContain("conference.example", "secret-");
            }
            Document doc = page(get(sessionUrl(running.cycle(), running.live())));
            assertThat(doc.select("a[href=" + running.live().livestreamUrl() + "]"))
                    .hasSize(1);
        }

        @Test
        void showsDateAndTimeInTheSessionsZone() throws Exception {
            Cycle cycle = fixtures.publishedCycle(CycleFixtures.unique("Zoned"));
            Session session = fixtures.session(cycle, 1, "April", OffsetDateTime.parse("2020-04-02T16:00Z"), 90);

            Document french = page(get(sessionUrl(cycle, session)));
            Document english = page(get(sessionUrl(cycle, session)).header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB"));

            assertThat(french.selectFirst(".facts").text())
                    .contains("jeudi 2 avril 2020", "18:00 – 19:30", "1 h 30", "Passée");
            assertThat(english.selectFirst(".facts").text())
                    .contains("Thursday, April 2, 2020", "6:00\u202fPM – 7:30\u202fPM", "1 h 30 min", "Past");
            assertThat(OffsetDateTime.parse(french.selectFirst(".facts time").attr("datetime"))
                            .atZoneSameInstant(PARIS)
                            .getHour())
                    .isEqualTo(18);
        }
    }

    @Nested
    class TrainingPage {

        @Test
        void showsDatesPlaceCapacityPriceAndTheCycle() throws Exception {
            Cycle cycle = fixtures.publishedCycle(CycleFixtures.unique("Parent"));
            Training training = fixtures.training(
                    cycle,
                    CycleFixtures.unique("Maturity"),
                    CycleStatus.PUBLISHED,
                    LocalDate.of(2026, 6, 8),
                    LocalDate.of(2026, 6, 10));

            Document french = page(get("/trainings/" + training.slug()));
            Document english = page(get("/trainings/" + training.slug()).param("lang", "en"));

            assertOneH1(french, training.title());
            assertThat(french.selectFirst(".facts").text())
                    .contains("du 8 au 10 juin 2026", "3 jours", "Lyon", "16 places", "450 €");
            assertThat(english.selectFirst(".facts").text()).contains("June 8–10, 2026", "3 days", "16 places");
            assertThat(french.select("main a[href=/cycles/" + cycle.slug() + "]"))
                    .isNotEmpty();
            assertThat(french.selectFirst(".facts time").attr("datetime")).isEqualTo("2026-06-08");
        }
    }

    @Nested
    class NotFound {

        @Test
        void draftsUnknownAndMalformedSlugsAreThe404Page() throws Exception {
            Cycle draft = fixtures.cycle(CycleFixtures.unique("Draft"), CycleStatus.DRAFT, "");
            Session draftSession = fixtures.sessionFromNow(draft, 1, "Hidden", 60);
            Training draftTraining = fixtures.training(
                    null, "Hidden training", CycleStatus.DRAFT, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2));
            Running running = running();

            for (String url : List.of(
                    "/cycles/" + draft.slug(),
                    sessionUrl(draft, draftSession),
                    "/trainings/" + draftTraining.slug(),
                    "/cycles/no-such-cycle",
                    "/cycles/" + running.cycle().slug() + "/sessions/no-such-session",
                    "/cycles/" + running.cycle().slug() + "/sessions/" + draftSession.slug(),
                    "/cycles/bad.slug",
                    "/cycles/-leading-dash",
                    "/cycles/" + "x".repeat(500),
                    "/trainings/no-such-training")) {
                assertThat(fetch(get(url)).getStatus()).as(url).isEqualTo(404);
                HttpResponse<String> response = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + url))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(url).isEqualTo(404);
                assertThat(Jsoup.parse(response.body()).selectFirst("h1").text())
                        .as(url)
                        .isEqualTo("Page introuvable");
            }
        }
    }

    @Nested
    class Caching {

        @Test
        void answers304WhileThePageIsUnchanged() throws Exception {
            Running running = running();
            for (String url :
                    List.of("/", "/cycles/" + running.cycle().slug(), sessionUrl(running.cycle(), running.live()))) {
                MockHttpServletResponse first = fetch(get(url));
                String etag = first.getHeader(HttpHeaders.ETAG);
                assertThat(etag).as(url).startsWith("W/\"");
                assertThat(first.getHeader(HttpHeaders.CACHE_CONTROL)).as(url).isEqualTo("no-cache");

                MockHttpServletResponse again = fetch(get(url).header(HttpHeaders.IF_NONE_MATCH, etag));
                assertThat(again.getStatus()).as(url).isEqualTo(304);
                assertThat(again.getContentAsString()).isEmpty();

                MockHttpServletResponse english = fetch(
                        get(url).header(HttpHeaders.ACCEPT_LANGUAGE, "en").header(HttpHeaders.IF_NONE_MATCH, etag));
                assertThat(english.getStatus()).as("other language " + url).isEqualTo(200);
            }
        }

        @Test
        void aChangeInTheDataChangesTheEtag() throws Exception {
            Running running = running();
            String url = "/cycles/" + running.cycle().slug();
            String before = fetch(get(url)).getHeader(HttpHeaders.ETAG);

            fixtures.sessionFromNow(running.cycle(), 4, "Fourth step", 14 * 24 * 60);

            MockHttpServletResponse after = fetch(get(url).header(HttpHeaders.IF_NONE_MATCH, before));
            assertThat(after.getStatus()).isEqualTo(200);
            assertThat(after.getHeader(HttpHeaders.ETAG)).isNotEqualTo(before);
        }
    }
}

package org.parcours.library.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleEditor;
import org.parcours.cycle.CycleFixtures;
import org.parcours.cycle.CycleStatus;
import org.parcours.cycle.EditFields.CycleFields;
import org.parcours.cycle.EditFields.SessionFields;
import org.parcours.cycle.Session;
import org.parcours.media.MediaKind;
import org.parcours.media.MediaUploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Search over HTTP, fed by the real cycle and media features: an organiser's changes reach the results (edit,
 * key points, subtitles, unpublish), and no query, however odd, gets an error. Every test uses a made-up word of
 * its own, so other data in the database (demo content, other tests) never matches.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(CycleFixtures.class)
class SearchIT {

    @LocalServerPort
    int port;

    @Autowired
    CycleEditor editor;

    @Autowired
    MediaUploads media;

    @Autowired
    SearchService search;

    @Autowired
    CycleFixtures fixtures;

    final HttpClient http = HttpClient.newHttpClient();

    /** A word no other data has, e.g. "zqvbkwxh". */
    static String madeUpWord() {
        StringBuilder word = new StringBuilder("zq");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    record Published(Cycle cycle, Session session) {
        String sessionUrl() {
            return "/cycles/" + cycle.slug() + "/sessions/" + session.slug();
        }
    }

    Published publishedCycle(String sessionDescription) {
        String slug = CycleFixtures.unique("search");
        Cycle cycle = editor.createCycle(
                new CycleFields(slug, "Coopérer " + slug, "Un cycle.", "Un parcours.", "fr", "Europe/Paris"));
        Session session = editor.createSession(cycle.id(), sessionFields("premiere-seance", sessionDescription))
                .orElseThrow();
        editor.setStatus(cycle.id(), CycleStatus.PUBLISHED);
        search.awaitIndexing();
        return new Published(cycle, session);
    }

    static SessionFields sessionFields(String slug, String description) {
        return new SessionFields(
                slug,
                "Première séance",
                OffsetDateTime.parse("2026-04-02T16:00:00Z"),
                "Europe/Paris",
                60,
                "Ce que la séance explore.",
                description,
                null,
                null,
                100);
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    Document searchPage(String query) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    static List<Element> results(Document page) {
        return page.select("ol.search-results > li.search-result");
    }

    @Test
    void anAccentlessWordFindsTheSessionWithALinkAndAHighlightedSnippet() throws Exception {
        String word = madeUpWord();
        Published published = publishedCycle("La **coopération** se construit pas à pas, dit " + word + ".");

        Document page = searchPage("cooperation " + word);

        List<Element> results = results(page);
        assertThat(results).hasSize(1);
        Element result = results.getFirst();
        Element link = result.selectFirst("h2 a");
        assertThat(link.attr("href")).isEqualTo(published.sessionUrl());
        assertThat(link.text()).isEqualTo("Première séance");
        assertThat(result.select(".search-snippet mark").eachText()).contains("coopération", word);
        assertThat(result.select(".search-snippet").html()).doesNotContain("**");
        assertThat(result.select(".badge").text()).isEqualTo("Séance");
        assertThat(result.select(".search-meta").text())
                .contains(published.cycle().title());
        assertThat(page.select(".search-count").text()).contains("1 résultat");
        assertThat(page.select("form[role=search]")).hasSize(2); // the header's and the page's
        // the link leads to the page
        assertThat(get(link.attr("href")).statusCode()).isEqualTo(200);
    }

    @Test
    void editingASessionChangesItsResultsAndKeyPointsAreFoundToo() throws Exception {
        String word = madeUpWord();
        Published published = publishedCycle("La coopération selon " + word + ".");

        editor.updateSession(published.session().id(), sessionFields("premiere-seance", "La résilience selon " + word));
        editor.replaceKeyPoints(published.session().id(), List.of("Les communs naissent de " + word));
        search.awaitIndexing();

        assertThat(results(searchPage("cooperation " + word))).isEmpty();
        assertThat(results(searchPage("resilience " + word)))
                .singleElement()
                .satisfies(r -> assertThat(r.selectFirst("h2 a").attr("href")).isEqualTo(published.sessionUrl()));
        assertThat(results(searchPage("commun " + word))).singleElement().satisfies(r -> {
            assertThat(r.selectFirst("h2 a").attr("href")).isEqualTo(published.sessionUrl() + "#key-points");
            assertThat(r.select(".badge").text()).isEqualTo("Point clé");
            assertThat(r.selectFirst("h2").text()).isEqualTo("Les communs naissent de " + word);
            assertThat(r.select(".search-meta").text()).contains("Première séance");
        });
    }

    @Test
    void subtitlesAreFoundAndLinkToTheirMomentInTheReplay() throws Exception {
        String word = madeUpWord();
        Published published = publishedCycle("Une séance.");
        String vtt = """
                WEBVTT

                00:00:01.000 --> 00:00:04.000
                Bonjour à toutes et à tous.

                00:01:04.000 --> 00:01:08.000
                <v Intervenante>Coopérer demande du temps, dit %s.
                """.formatted(word);
        media.attachSubtitles(
                published.session().id(),
                "fr",
                new ByteArrayInputStream(vtt.getBytes(StandardCharsets.UTF_8)),
                "s.vtt");
        search.awaitIndexing();

        Element result = results(searchPage("cooperer " + word)).getFirst();
        assertThat(result.selectFirst("h2 a").attr("href")).isEqualTo(published.sessionUrl() + "#t=64");
        assertThat(result.select(".badge").text()).isEqualTo("Sous-titres");
        assertThat(result.selectFirst("h2").text()).startsWith("1:04 · Coopérer demande du temps");
        assertThat(result.select(".search-meta").text()).contains("Première séance");
        assertThat(result.select(".search-snippet").text()).doesNotContain("<v").contains("Coopérer demande du temps");

        media.remove(published.session().id(), MediaKind.SUBTITLES, "fr");
        search.awaitIndexing();
        assertThat(results(searchPage("cooperer " + word))).isEmpty();
    }

    @Test
    void anUnpublishedCycleDisappearsWithEverythingInIt() throws Exception {
        String word = madeUpWord();
        Published published = publishedCycle("Le pouvoir d’agir, selon " + word + ".");
        editor.replaceKeyPoints(published.session().id(), List.of("Agir ensemble, selon " + word));
        String vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nAgir, dit " + word + ".\n";
        media.attachSubtitles(
                published.session().id(),
                "fr",
                new ByteArrayInputStream(vtt.getBytes(StandardCharsets.UTF_8)),
                "s.vtt");
        search.awaitIndexing();
        assertThat(results(searchPage(word)))
                .extracting(r -> r.select(".badge").text())
                .containsExactlyInAnyOrder("Séance", "Point clé", "Sous-titres");

        editor.setStatus(published.cycle().id(), CycleStatus.DRAFT);
        search.awaitIndexing();

        assertThat(results(searchPage(word))).isEmpty();
        assertThat(searchPage(word).select(".search-count").text()).contains("Aucun résultat");
    }

    @Test
    void aRenamedCycleIsLinkedAtItsNewAddress() throws Exception {
        String word = madeUpWord();
        Published published = publishedCycle("Le soin selon " + word + ".");
        String slug = CycleFixtures.unique("renamed");

        editor.updateCycle(
                published.cycle().id(),
                new CycleFields(slug, published.cycle().title(), "Un cycle.", "Un parcours.", "fr", "Europe/Paris"));
        search.awaitIndexing();

        assertThat(results(searchPage(word)))
                .extracting(r -> r.selectFirst("h2 a").attr("href"))
                .containsExactly("/cycles/" + slug + "/sessions/premiere-seance");
    }

    @Test
    void aFullRebuildIndexesWhatNoEventAnnounced() throws Exception {
        String word = madeUpWord();
        // written straight to the tables, as an older version or another node would have
        Cycle cycle = fixtures.cycle("Cycle " + word, CycleStatus.PUBLISHED, "Le cycle de " + word);
        assertThat(results(searchPage(word))).isEmpty();

        search.rebuild();
        search.awaitIndexing();

        assertThat(results(searchPage(word)))
                .extracting(r -> r.selectFirst("h2 a").attr("href"))
                .containsExactly("/cycles/" + cycle.slug());
    }

    @Test
    void anyQueryGetsAPageNeverAnError() throws Exception {
        List<String> queries = List.of(
                "C++ (AND) OR \"x",
                "foo AND",
                "NOT",
                "title:secret",
                "*:*",
                "a*b?c~2^3",
                "[1 TO 5]",
                "\\",
                "/regex/",
                "&& || !",
                "😀",
                "x".repeat(5_000),
                "mot ".repeat(1_500));
        for (String query : queries) {
            HttpResponse<String> response = get("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            assertThat(response.statusCode())
                    .as("q=%s", query.length() > 40 ? query.substring(0, 40) : query)
                    .isEqualTo(200);
        }
        for (String odd : List.of(
                "/search?q=x&page=abc",
                "/search?q=x&page=-3",
                "/search?q=x&page=99999999999999",
                "/search?q=x&kind=%3Cscript%3E",
                "/search?q=a&q=b",
                "/search?q=%00",
                "/search?kind=session",
                "/search")) {
            assertThat(get(odd).statusCode()).as(odd).isEqualTo(200);
        }
        // Latin-1 bytes instead of UTF-8: Tomcat refuses the parameters
        assertThat(get("/search?q=%E9t%E9").statusCode()).isEqualTo(400);
        assertThat(get("/?lang=%E9").statusCode()).isEqualTo(400);
        // past what the server reads in a request line (8 KB), Tomcat itself answers 400
        assertThat(get("/search?q=" + "x".repeat(20_000)).statusCode()).isEqualTo(400);
    }

    @Test
    void theQueryIsShownEscapedAndAnEmptyOneGetsAHint() throws Exception {
        Document page = searchPage("<script>alert(1)</script>");
        assertThat(page.select("main script")).isEmpty();
        assertThat(page.selectFirst("#search-q").attr("value")).isEqualTo("<script>alert(1)</script>");

        Document empty = searchPage("   ");
        assertThat(results(empty)).isEmpty();
        assertThat(empty.select(".search-count")).isEmpty();
        assertThat(empty.select("main").text()).contains("Saisissez un ou plusieurs mots");

        Document stopWords = searchPage("le la les");
        assertThat(stopWords.select("main").text()).contains("mots trop courants");
    }

    @Test
    void theHeaderOfEveryPageHasALabelledSearchBox() throws Exception {
        Document home = Jsoup.parse(get("/").body());
        Element form = home.selectFirst("header form[role=search]");
        assertThat(form.attr("action")).isEqualTo("/search");
        assertThat(form.attr("method")).isEqualTo("get");
        Element input = form.selectFirst("input[name=q]");
        assertThat(home.select("label[for=" + input.id() + "]").text()).isEqualTo("Rechercher sur le site");
    }

    @Test
    void theResultsPageSpeaksEnglishToo() throws Exception {
        String word = madeUpWord();
        publishedCycle("La coopération selon " + word + ".");

        HttpResponse<String> response = get("/search?lang=en&q=" + word);
        Document page = Jsoup.parse(response.body());

        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select(".search-count").text()).isEqualTo("1 result for “" + word + "”");
        assertThat(page.select(".search-result .badge").text()).isEqualTo("Session");
        assertThat(page.select(".search-result h2").attr("lang")).isEqualTo("fr");
    }
}

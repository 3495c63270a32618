package org.parcours.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleFixtures;
import org.parcours.cycle.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The static export of a cycle, served by a plain static file server (the JDK's): every page, link and media file
 * resolves, and nothing points back at the application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(CycleFixtures.class)
class CycleArchiveIT {

    @Autowired
    CycleFixtures cycles;

    @Autowired
    MediaUploads uploads;

    @Autowired
    MediaChapters chapters;

    @Autowired
    CycleArchive archive;

    @Autowired
    MockMvc mvc;

    @TempDir
    Path dir;

    Cycle cycle;
    Session first;
    Session second;

    @BeforeEach
    void aCycleWithMedia() throws Exception {
        cycle = cycles.publishedCycle("Archive");
        first = cycles.session(cycle, 1, "Premier", OffsetDateTime.parse("2020-04-02T16:00:00Z"), 60);
        second = cycles.session(cycle, 2, "Second", OffsetDateTime.parse("2020-04-09T16:00:00Z"), 60);
        uploads.attachVideo(first.id(), new ByteArrayInputStream(MediaSamples.bytes("replay-sample.mp4")), "r.mp4");
        uploads.attachSubtitles(
                first.id(), "fr", new ByteArrayInputStream(MediaSamples.bytes("replay-sample.fr.vtt")), "fr.vtt");
        chapters.attachChapters(first.id(), new ByteArrayInputStream(MediaSamples.bytes("replay-sample.chapters.vtt")));
        uploads.attachSlides(first.id(), new ByteArrayInputStream(MediaSamples.bytes("slides-session3.pdf")), "s.pdf");
    }

    @Test
    void everyLinkAndMediaFileResolvesOnAStaticServer() throws Exception {
        Path out = dir.resolve("site");
        try (CycleArchive.Sink sink = CycleArchive.folder(out)) {
            assertThat(archive.write(cycle.slug(), sink)).contains(3 + 2 + 5);
        }
        HttpServer server = SimpleFileServer.createFileServer(
                new InetSocketAddress("127.0.0.1", 0), out.toAbsolutePath(), SimpleFileServer.OutputLevel.NONE);
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            HttpClient http = HttpClient.newHttpClient();
            List<String> pages;
            try (Stream<Path> files = Files.walk(out)) {
                pages = files.filter(p -> p.toString().endsWith(".html"))
                        .map(p -> out.relativize(p).toString())
                        .sorted()
                        .toList();
            }
            assertThat(pages)
                    .containsExactly(
                            "index.html", "sessions/" + first.slug() + ".html", "sessions/" + second.slug() + ".html");
            List<String> checked = new ArrayList<>();
            for (String page : pages) {
                URI pageUri = URI.create(base + page);
                Document doc = Jsoup.parse(fetch(http, pageUri).body(), pageUri.toString());
                for (Element element : doc.select("[href], [src]")) {
                    String url = element.hasAttr("href") ? element.attr("href") : element.attr("src");
                    assertThat(url).as("in " + page).doesNotStartWith("/");
                    if (url.startsWith("#") || url.startsWith("https://") || url.startsWith("http://")) {
                        continue;
                    }
                    URI target = pageUri.resolve(url.replaceAll("#.*", ""));
                    assertThat(fetch(http, target).statusCode())
                            .as(url + " in " + page)
                            .isEqualTo(200);
                    checked.add(url);
                }
                assertThat(doc.select("form")).isEmpty();
            }
            Document session = Jsoup.parse(fetch(http, URI.create(base + "sessions/" + first.slug() + ".html"))
                    .body());
            String video = session.select("video").attr("src");
            assertThat(video).matches("\\.\\./media/[0-9a-f]{32}\\.mp4");
            assertThat(session.select("ol.chapters a:contains(Présentation)").attr("href"))
                    .isEqualTo(video + "#t=10");
            assertThat(session.select("script[src]").eachAttr("src")).containsExactly("../js/media.js");
            assertThat(fetch(http, URI.create(base + "sessions/").resolve(video))
                            .headers()
                            .firstValue("Content-Type"))
                    .contains("video/mp4");
            assertThat(checked).anyMatch(u -> u.endsWith(".vtt")).anyMatch(u -> u.endsWith(".png"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void organisersDownloadItAsAZip() throws Exception {
        MvcResult started = mvc.perform(get("/admin/cycles/" + cycle.id() + "/archive.zip")
                        .with(user("organiser").roles("ORGANISER")))
                .andExpect(request().asyncStarted())
                .andReturn();
        byte[] zip = mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
            }
        }
        assertThat(names)
                .contains(cycle.slug() + "/index.html", cycle.slug() + "/css/parcours.css")
                .anyMatch(n -> n.matches(cycle.slug() + "/media/[0-9a-f]{32}\\.mp4"))
                .hasSize(10);
        mvc.perform(get("/admin/cycles/" + cycle.id() + "/archive.zip")).andExpect(status().is3xxRedirection());
    }

    private static HttpResponse<String> fetch(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}

package org.parcours.media.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleFixtures;
import org.parcours.cycle.CycleStatus;
import org.parcours.cycle.Session;
import org.parcours.media.MediaFixtures;
import org.parcours.media.MediaSamples;
import org.parcours.media.MediaService;
import org.parcours.media.SessionMedia;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * An organiser attaches a session's media through the admin page, and visitors see it on the public pages; every
 * kind of bad upload gets the media page again with the reason, and leaves no file and no record.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({CycleFixtures.class, MediaFixtures.class})
@WithMockUser(roles = "ORGANISER")
class MediaUploadIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    CycleFixtures cycles;

    @Autowired
    MediaFixtures media;

    @Autowired
    MediaService mediaService;

    Cycle cycle;
    Session session;
    String base;

    @BeforeEach
    void aPastSessionOfAPublishedCycle() {
        cycle = cycles.publishedCycle("Media cycle");
        session = cycles.session(cycle, 1, "Les temps", OffsetDateTime.parse("2020-04-16T16:00:00Z"), 60);
        base = "/admin/sessions/" + session.id() + "/media";
    }

    private ResultActions upload(String route, String fileName, byte[] content, String... fields) throws Exception {
        var request = multipart(base + "/" + route)
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                .with(csrf());
        for (int i = 0; i + 1 < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return mvc.perform(request.locale(Locale.FRENCH));
    }

    private ResultActions uploadSample(String route, String sample, String... fields) throws Exception {
        return upload(route, sample, MediaSamples.bytes(sample), fields);
    }

    private static Document html(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** The problem shown on a refused upload, after checking that nothing was kept. */
    private String refused(ResultActions result, int status, long filesBefore) throws Exception {
        result.andExpect(status().is(status));
        assertThat(media.records(session.id())).as("no record").isZero();
        assertThat(media.files()).as("no stray file").isEqualTo(filesBefore);
        return html(result).select(".error-summary li").text();
    }

    @Test
    void organiserAttachesEverythingAndVisitorsSeeIt() throws Exception {
        uploadSample("video", "replay-sample.mp4").andExpect(redirectedUrl(base));
        uploadSample("subtitles", "replay-sample.fr.vtt", "language", "fr").andExpect(redirectedUrl(base));
        uploadSample("chapters/file", "replay-sample.chapters.vtt").andExpect(redirectedUrl(base));
        uploadSample("slides", "slides-session3.pdf").andExpect(redirectedUrl(base));

        SessionMedia attached = mediaService.sessionMedia(session.id());
        assertThat(attached.video().contentType()).isEqualTo("video/mp4");
        assertThat(attached.slides().pageCount()).isEqualTo(3);
        assertThat(attached.thumbnail().contentType()).isEqualTo("image/png");
        assertThat(attached.chapters())
                .extracting(c -> c.title())
                .containsExactly("Ouverture", "Rappel des sessions précédentes", "Présentation", "Échanges et clôture");

        Document page = html(mvc.perform(get("/cycles/" + cycle.slug() + "/sessions/" + session.slug())
                        .with(anonymous())
                        .locale(Locale.FRENCH))
                .andExpect(status().isOk()));
        String video = "/media/" + attached.video().key();
        assertThat(page.select("video#replay-player").attr("src")).isEqualTo(video);
        assertThat(page.select("video track[kind=subtitles][srclang=fr]").attr("label"))
                .isEqualTo("Français");
        assertThat(page.select("video track[kind=subtitles]").hasAttr("default"))
                .isTrue();
        assertThat(page.select("video track[kind=chapters]").attr("src"))
                .isEqualTo("/media/" + attached.chaptersTrack().key());
        var presentation = page.select("ol.chapters a:contains(Présentation)");
        assertThat(presentation.attr("href")).isEqualTo(video + "#t=10");
        assertThat(presentation.attr("data-seek")).isEqualTo("10");
        assertThat(page.select("ol.chapters a:contains(Échanges)").attr("href")).isEqualTo(video + "#t=15.5");
        assertThat(page.select(".slides img").attr("src"))
                .isEqualTo("/media/" + attached.thumbnail().key());
        assertThat(page.select(".slides img").attr("alt")).isNotBlank();
        assertThat(page.select(".downloads a[href=/media/" + attached.slides().key() + "]")
                        .text())
                .isEqualTo("Voir les supports (PDF, 3 pages)");
        assertThat(page.select("a[href=" + video + "?download]").first().text())
                .isEqualTo("Télécharger la vidéo (294 ko)");
        assertThat(page.select("script[src=/js/media.js]")).hasSize(1);

        Document cyclePage = html(
                mvc.perform(get("/cycles/" + cycle.slug()).with(anonymous()).locale(Locale.FRENCH))
                        .andExpect(status().isOk()));
        assertThat(cyclePage.select(".media-badges .badge").eachText()).containsExactly("Replay", "Supports");

        mvc.perform(get(video).with(anonymous()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "video/mp4"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().longValue("Content-Length", 294_175));
        mvc.perform(get("/media/" + attached.slides().key())
                        .param("download", "")
                        .with(anonymous()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"slides-session3.pdf\"; filename*=UTF-8''slides-session3.pdf"));
    }

    @Test
    void aReplacedFileIsDeletedAndTheSameFileTwiceIsRefused() throws Exception {
        uploadSample("slides", "slides-session3.pdf").andExpect(redirectedUrl(base));
        long files = media.files();
        String problem = html(uploadSample("slides", "slides-session3.pdf").andExpect(status().is(422)))
                .select(".error-summary li")
                .text();
        assertThat(problem).isEqualTo("Ce fichier est déjà celui de la session : rien n’a changé.");
        assertThat(media.files()).isEqualTo(files);

        String oldKey = mediaService.sessionMedia(session.id()).slides().key();
        uploadSample("video", "replay-sample.mp4").andExpect(redirectedUrl(base));
        uploadSample("video", "replay-sample.webm").andExpect(redirectedUrl(base));
        assertThat(mediaService.sessionMedia(session.id()).video().contentType())
                .isEqualTo("video/webm");
        assertThat(media.files())
                .as("the MP4 was deleted when the WebM replaced it")
                .isEqualTo(files + 1);
        assertThat(mediaService.sessionMedia(session.id()).slides().key()).isEqualTo(oldKey);
    }

    @Test
    void wrongTypesAreRefusedByContentWithTheReason() throws Exception {
        long files = media.files();
        assertThat(refused(uploadSample("slides", "not-a-pdf.pdf"), 422, files))
                .isEqualTo("Ce fichier n’est pas un PDF : son contenu est de type text/html, quel que soit son nom.");
        assertThat(refused(upload("video", "replay.mp4", MediaSamples.bytes("slides-session3.pdf")), 422, files))
                .contains("n’est pas une vidéo MP4 ou WebM", "application/pdf");
        assertThat(refused(upload("slides", "slides.pdf", new byte[0]), 422, files))
                .isEqualTo("Le fichier est vide.");
        assertThat(refused(upload("video", "", new byte[0]), 422, files)).isEqualTo("Choisissez un fichier à envoyer.");
        byte[] cutPdf = java.util.Arrays.copyOf(MediaSamples.bytes("slides-session3.pdf"), 300);
        assertThat(refused(upload("slides", "cut.pdf", cutPdf), 422, files)).contains("ne peut pas être lu");
    }

    @Test
    void malformedCueFilesNameTheLine() throws Exception {
        long files = media.files();
        String vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nUn\n\n00:00:03.000 -> 00:00:04.000\nDeux\n";
        assertThat(refused(
                        upload("subtitles", "fr.vtt", vtt.getBytes(StandardCharsets.UTF_8), "language", "fr"),
                        422,
                        files))
                .isEqualTo("Ligne 6 : la ligne de temps « 00:00:03.000 -> 00:00:04.000 » n’est pas valide ;"
                        + " elle doit ressembler à 00:00:01.000 --> 00:00:04.000.");
        String srt = "1\n00:00:01,000 --> 00:00:02,000\nUn\n\n2\n00:00:03,000 --> 00:00:02,000\nDeux\n";
        assertThat(refused(
                        upload("subtitles", "fr.srt", srt.getBytes(StandardCharsets.UTF_8), "language", "fr"),
                        422,
                        files))
                .isEqualTo("Ligne 6 : la fin du repère doit venir après son début.");
        assertThat(refused(
                        upload("chapters/file", "c.vtt", "WEBVTT\nbad".getBytes(StandardCharsets.UTF_8)), 422, files))
                .startsWith("Ligne ");
        assertThat(refused(uploadSample("subtitles", "replay-sample.fr.vtt", "language", "xx"), 422, files))
                .contains("ISO 639");
    }

    @Test
    void srtSubtitlesAreServedAsWebVtt() throws Exception {
        String srt = "1\r\n00:00:00,500 --> 00:00:04,000\r\nHello\r\n";
        upload("subtitles", "en.srt", srt.getBytes(StandardCharsets.UTF_8), "language", "en")
                .andExpect(redirectedUrl(base));
        var track = mediaService.sessionMedia(session.id()).subtitles().get(0);
        assertThat(track.fileName()).isEqualTo("en.vtt");
        String body = mvc.perform(get("/media/" + track.key()).with(anonymous()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/vtt;charset=utf-8"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).isEqualTo("WEBVTT\n\n00:00:00.500 --> 00:00:04.000\nHello\n");
    }

    @Test
    void pathTraversalNamesOnlyChangeTheDownloadName() throws Exception {
        upload("slides", "../../../../etc/cron.d/evil.pdf", MediaSamples.bytes("slides-session3.pdf"))
                .andExpect(redirectedUrl(base));
        var slides = mediaService.sessionMedia(session.id()).slides();
        assertThat(slides.fileName()).isEqualTo("evil.pdf");
        assertThat(media.directory().resolve(slides.key().substring(0, 2)).resolve(slides.key()))
                .exists();
        mvc.perform(get("/media/" + slides.key()).with(anonymous()))
                .andExpect(header().string(
                                "Content-Disposition", "inline; filename=\"evil.pdf\"; filename*=UTF-8''evil.pdf"));
        // encoded slashes never reach the controller (the security firewall answers 400), anything else is a 404
        mvc.perform(get("/media/..%2F..%2Fetc%2Fpasswd").with(anonymous())).andExpect(status().isBadRequest());
        mvc.perform(get("/media/..passwd").with(anonymous())).andExpect(status().isNotFound());
        mvc.perform(get("/media/" + slides.key().replace(".pdf", ".mp4")).with(anonymous()))
                .andExpect(status().isNotFound());
    }

    @Test
    void filesOfDraftCyclesAreForOrganisersOnly() throws Exception {
        Cycle draft = cycles.cycle("Draft", CycleStatus.DRAFT, "");
        Session draftSession =
                cycles.session(draft, 1, "Draft session", OffsetDateTime.parse("2020-04-16T16:00:00Z"), 60);
        mvc.perform(multipart("/admin/sessions/" + draftSession.id() + "/media/slides")
                        .file(new MockMultipartFile(
                                "file", "s.pdf", "application/pdf", MediaSamples.bytes("slides-session3.pdf")))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        String key = mediaService.sessionMedia(draftSession.id()).slides().key();
        mvc.perform(get("/media/" + key).with(anonymous())).andExpect(status().isNotFound());
        mvc.perform(get("/media/" + key))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "private, no-cache"));
    }

    @Test
    void onlyOrganisersReachTheMediaPages() throws Exception {
        mvc.perform(get(base).with(anonymous())).andExpect(status().is3xxRedirection());
        mvc.perform(multipart(base + "/slides")
                        .file(new MockMultipartFile(
                                "file", "s.pdf", "application/pdf", MediaSamples.bytes("slides-session3.pdf")))
                        .with(csrf())
                        .with(anonymous()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(multipart(base + "/slides")
                        .file(new MockMultipartFile(
                                "file", "s.pdf", "application/pdf", MediaSamples.bytes("slides-session3.pdf"))))
                .andExpect(status().isForbidden());
        assertThat(media.records(session.id())).isZero();
        mvc.perform(get("/admin/sessions/999999999/media")).andExpect(status().isNotFound());
    }

    @Test
    void externalReplayIsAClickToLoadEmbedWithAPlainLink() throws Exception {
        mvc.perform(post(base + "/external")
                        .param("url", "https://example.org/video.mp4")
                        .with(csrf())
                        .locale(Locale.FRENCH))
                .andExpect(status().is(422));
        mvc.perform(post(base + "/external")
                        .param("url", "https://youtu.be/dQw4w9WgXcQ")
                        .with(csrf()))
                .andExpect(redirectedUrl(base));
        mvc.perform(post(base + "/chapters/agenda").with(csrf())).andExpect(redirectedUrl(base));
        Document page = html(mvc.perform(get("/cycles/" + cycle.slug() + "/sessions/" + session.slug())
                        .with(anonymous())
                        .locale(Locale.ENGLISH))
                .andExpect(status().isOk()));
        assertThat(page.select("iframe"))
                .as("nothing loads from YouTube before the visitor asks")
                .isEmpty();
        assertThat(page.select(".embed").attr("data-embed"))
                .isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
        assertThat(page.select(".embed a").attr("href")).isEqualTo("https://youtu.be/dQw4w9WgXcQ");
        assertThat(page.select(".embed button.embed-load").hasAttr("hidden")).isTrue();
        // agenda: recap 5, talk 25, questions 30 minutes
        assertThat(page.select("ol.chapters a").eachAttr("href"))
                .containsExactly(
                        "https://youtu.be/dQw4w9WgXcQ?t=0s",
                        "https://youtu.be/dQw4w9WgXcQ?t=300s",
                        "https://youtu.be/dQw4w9WgXcQ?t=1800s");
    }

    @Test
    void chaptersAreEditedAsStartTimesAndTitles() throws Exception {
        mvc.perform(post(base + "/chapters/agenda").with(csrf())).andExpect(redirectedUrl(base));
        Document admin = html(mvc.perform(get(base)).andExpect(status().isOk()));
        assertThat(admin.select("input[name=start]").eachAttr("value")).containsExactly("0:00", "5:00", "30:00", "");

        mvc.perform(post(base + "/chapters")
                        .with(csrf())
                        .locale(Locale.FRENCH)
                        .param("start", "0:00", "4:30", "later", "")
                        .param("title", "Rappel", "Exposé", "Questions", ""))
                .andExpect(status().is(422));
        mvc.perform(post(base + "/chapters")
                        .with(csrf())
                        .param("start", "0:00", "4:30", "", "50:00.5")
                        .param("title", "Rappel", "Exposé", "", "Fin"))
                .andExpect(redirectedUrl(base));
        assertThat(mediaService.sessionMedia(session.id()).chapters())
                .extracting(c -> c.startMs() + " " + c.title())
                .containsExactly("0 Rappel", "270000 Exposé", "3000500 Fin");
        assertThat(mediaService.sessionMedia(session.id()).chapters().get(2).endMs())
                .as("the last chapter keeps the end it had")
                .isEqualTo(3_600_000);
    }

    @Test
    void removingSlidesTakesTheThumbnailAlong() throws Exception {
        long files = media.files();
        uploadSample("slides", "slides-session3.pdf").andExpect(redirectedUrl(base));
        assertThat(media.files()).isEqualTo(files + 2);
        mvc.perform(post(base + "/remove").param("kind", "slides").with(csrf())).andExpect(redirectedUrl(base));
        assertThat(media.records(session.id())).isZero();
        assertThat(media.files()).isEqualTo(files);
    }
}

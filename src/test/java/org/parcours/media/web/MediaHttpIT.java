package org.parcours.media.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleFixtures;
import org.parcours.cycle.Session;
import org.parcours.media.MediaFile;
import org.parcours.media.MediaFixtures;
import org.parcours.media.MediaSamples;
import org.parcours.media.MediaUploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Media over real HTTP through Tomcat (where sendfile serves the bytes): range semantics, and uploads that are too
 * large or cut short. The media limit is lowered to 1 MB here so "too large" is cheap to send.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parcours.media.max-size=1MB", "parcours.media.other-uploads-max-size=64KB"})
@Import({CycleFixtures.class, MediaFixtures.class})
class MediaHttpIT {

    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;

    @Autowired
    CycleFixtures cycles;

    @Autowired
    MediaFixtures media;

    @Autowired
    MediaUploads uploads;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    Session session;

    @BeforeEach
    void aPublishedSession() {
        Cycle cycle = cycles.publishedCycle("HTTP media");
        session = cycles.session(cycle, 1, "Range", OffsetDateTime.parse("2020-04-16T16:00:00Z"), 60);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Nested
    class Ranges {

        MediaFile video;
        byte[] bytes = MediaSamples.bytes("replay-sample.mp4");

        @BeforeEach
        void aReplay() throws Exception {
            try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
                video = uploads.attachVideo(session.id(), in, "replay.mp4");
            }
        }

        private HttpResponse<byte[]> get(String... headers) throws Exception {
            var request = HttpRequest.newBuilder(uri("/media/" + video.key()));
            if (headers.length > 0) {
                request.headers(headers);
            }
            return send(request);
        }

        @Test
        void wholeFileWithValidatorsAndLongCaching() throws Exception {
            var response = get();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(bytes);
            var headers = response.headers();
            assertThat(headers.firstValue("Accept-Ranges")).contains("bytes");
            assertThat(headers.firstValue("Content-Type")).contains("video/mp4");
            assertThat(headers.firstValue("Content-Length")).contains(String.valueOf(bytes.length));
            assertThat(headers.firstValue("ETag")).contains(video.etag());
            assertThat(headers.firstValue("Last-Modified")).isPresent();
            assertThat(headers.firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
            assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        }

        @Test
        void oneRangeIsA206WithItsBytes() throws Exception {
            var response = get("Range", "bytes=1000-1999");
            assertThat(response.statusCode()).isEqualTo(206);
            assertThat(response.headers().firstValue("Content-Range")).contains("bytes 1000-1999/" + bytes.length);
            assertThat(response.body()).isEqualTo(Arrays.copyOfRange(bytes, 1000, 2000));

            var tail = get("Range", "bytes=-100");
            assertThat(tail.statusCode()).isEqualTo(206);
            assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 100, bytes.length));

            var open = get("Range", "bytes=294000-");
            assertThat(open.headers().firstValue("Content-Range")).contains("bytes 294000-294174/294175");
            assertThat(open.body()).hasSize(175);
        }

        @Test
        void severalRangesAreOneMultipartBody() throws Exception {
            var response = get("Range", "bytes=0-3,10-13");
            assertThat(response.statusCode()).isEqualTo(206);
            String type = response.headers().firstValue("Content-Type").orElseThrow();
            assertThat(type).startsWith("multipart/byteranges; boundary=");
            String body = new String(response.body(), StandardCharsets.ISO_8859_1);
            assertThat(body)
                    .contains("Content-Range: bytes 0-3/294175\r\n\r\n"
                            + new String(bytes, 0, 4, StandardCharsets.ISO_8859_1))
                    .contains("Content-Range: bytes 10-13/294175\r\n\r\n"
                            + new String(bytes, 10, 4, StandardCharsets.ISO_8859_1))
                    .endsWith("--" + type.substring(type.indexOf('=') + 1) + "--\r\n");
            assertThat(response.headers().firstValue("Content-Length"))
                    .contains(String.valueOf(response.body().length));
        }

        @Test
        void badRangesGetTheRightStatus() throws Exception {
            for (String range : new String[] {"bytes=294175-", "bytes=abc", "bytes=5-2", "bytes=-0"}) {
                var response = get("Range", range);
                assertThat(response.statusCode()).as(range).isEqualTo(416);
                assertThat(response.headers().firstValue("Content-Range"))
                        .as(range)
                        .contains("bytes */294175");
            }
            var unknownUnit = get("Range", "items=0-5");
            assertThat(unknownUnit.statusCode()).isEqualTo(200);
            assertThat(unknownUnit.body()).hasSize(bytes.length);
        }

        @Test
        void ifRangeAndConditionalRequests() throws Exception {
            var stale = get("Range", "bytes=0-9", "If-Range", "\"not-the-etag\"");
            assertThat(stale.statusCode()).as("a changed file is sent whole").isEqualTo(200);
            assertThat(stale.body()).hasSize(bytes.length);
            assertThat(get("Range", "bytes=0-9", "If-Range", video.etag()).statusCode())
                    .isEqualTo(206);
            String lastModified = get().headers().firstValue("Last-Modified").orElseThrow();
            assertThat(get("Range", "bytes=0-9", "If-Range", lastModified).statusCode())
                    .isEqualTo(206);
            assertThat(get("Range", "bytes=0-9", "If-Range", "W/" + video.etag())
                            .statusCode())
                    .as("weak validators never match If-Range")
                    .isEqualTo(200);

            var notModified = get("If-None-Match", video.etag());
            assertThat(notModified.statusCode()).isEqualTo(304);
            assertThat(notModified.body()).isEmpty();
            assertThat(get("If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
            assertThat(get("If-Match", "\"other\"").statusCode()).isEqualTo(412);
            assertThat(get("If-Match", "\"other\", " + video.etag()).statusCode())
                    .isEqualTo(200);
            assertThat(get("If-Unmodified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")
                            .statusCode())
                    .isEqualTo(412);

            var head = send(HttpRequest.newBuilder(uri("/media/" + video.key()))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .header("Range", "bytes=0-9"));
            assertThat(head.statusCode()).isEqualTo(206);
            assertThat(head.headers().firstValue("Content-Length")).contains("10");
            assertThat(head.body()).isEmpty();
        }
    }

    @Nested
    class Uploads {

        String slidesAction;
        String sessionCookie;

        @BeforeEach
        void signedInOrganiser() throws Exception {
            String email = "media-" + UUID.randomUUID() + "@example.org";
            jdbc.sql("""
                            insert into person (email, display_name, password_hash, role, locale, created_at)
                            values (:e, 'Media organiser', :p, 'ORGANISER', 'fr', :now)""")
                    .param("e", email)
                    .param("p", passwords.encode(PASSWORD))
                    .param("now", OffsetDateTime.now())
                    .update();
            Document login = Jsoup.parse(
                    new String(send(HttpRequest.newBuilder(uri("/login"))).body(), StandardCharsets.UTF_8));
            String csrf = login.select("input[name=_csrf]").attr("value");
            String form = "email=" + enc(email) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(csrf);
            var signedIn = send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin");
            sessionCookie = signedIn.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("PARCOURS_SESSION="))
                    .findFirst()
                    .orElseThrow()
                    .split(";")[0];
            var page = send(HttpRequest.newBuilder(uri("/admin/sessions/" + session.id() + "/media")));
            assertThat(page.statusCode()).isEqualTo(200);
            slidesAction = Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8))
                    .select("form[action*=/media/slides]")
                    .attr("action");
            assertThat(slidesAction).contains("?_csrf=");
        }

        private HttpResponse<byte[]> postFile(String action, String name, byte[] content) throws Exception {
            String boundary = "----parcours" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                            + "\"\r\nContent-Type: application/pdf\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return send(HttpRequest.newBuilder(uri(action))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        }

        @Test
        void theCsrfTokenInTheQueryIsEnoughForAnUpload() throws Exception {
            var response = postFile(slidesAction, "slides.pdf", MediaSamples.bytes("slides-session3.pdf"));
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(media.records(session.id())).isEqualTo(2);
        }

        @Test
        void tooLargeIsA413PageAndLeavesNothing() throws Exception {
            long files = media.files();
            var response = postFile(slidesAction, "big.pdf", new byte[1_500_000]);
            assertThat(response.statusCode()).isEqualTo(413);
            Document page = Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8));
            assertThat(page.select(".error-summary li").text())
                    .isEqualTo("Le fichier est trop volumineux : la limite est de 1,0 Mo.");
            assertThat(media.records(session.id())).isZero();
            assertThat(media.files()).isEqualTo(files);
        }

        @Test
        void anUploadCutShortIsA400AndLeavesNothing() throws Exception {
            long files = media.files();
            String boundary = "----cut";
            byte[] start = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"s.pdf\""
                            + "\r\nContent-Type: application/pdf\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] pdf = MediaSamples.bytes("slides-session3.pdf");
            try (Socket socket = new Socket("127.0.0.1", port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + slidesAction + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + sessionCookie
                                + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                                + "\r\nContent-Length: 500000\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(start);
                out.write(pdf); // a complete PDF, but the body stops long before its announced length
                out.flush();
                socket.shutdownOutput();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                // Tomcat stops reading a body whose client went away and answers a bare 400 itself
                assertThat(answer).startsWith("HTTP/1.1 400");
            }
            assertThat(media.records(session.id())).isZero();
            assertThat(media.files()).isEqualTo(files);
        }

        @Test
        void otherRoutesKeepTheSmallLimit() throws Exception {
            var response = postFile("/admin/cycles/import", "cycle.yaml", new byte[100_000]);
            assertThat(response.statusCode()).isEqualTo(413);
            http.cookieHandler()
                    .ifPresent(c -> ((CookieManager) c).getCookieStore().removeAll());
            var anonymous = postFile("/signin", "x.pdf", new byte[100_000]);
            assertThat(anonymous.statusCode()).isEqualTo(413);
        }
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

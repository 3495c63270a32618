package org.parcours.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Compressed public pages through Tomcat: the first visit is compressed by the container, later ones are the page
 * cache's gzipped copy, never compressed twice, and a client that does not ask for gzip gets the plain page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicPageCompressionIT {

    @LocalServerPort
    int port;

    @Autowired
    PublicPageCache cache;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Accept-Encoding", acceptEncoding)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void browsersGetTheHomePageGzippedOnceAndOthersGetItPlain() throws Exception {
        cache.clear();
        HttpResponse<byte[]> rendered = get("/", "gzip, deflate, br");
        HttpResponse<byte[]> cached = get("/", "gzip, deflate, br");
        HttpResponse<byte[]> plain = get("/", "identity");

        assertThat(cache.size()).isPositive();
        String page = new String(plain.body(), StandardCharsets.UTF_8);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(page).startsWith("<!DOCTYPE html>").contains("</html>");
        for (HttpResponse<byte[]> zipped : java.util.List.of(rendered, cached)) {
            assertThat(zipped.statusCode()).isEqualTo(200);
            assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(zipped.headers().allValues("Vary").toString()).containsIgnoringCase("accept-encoding");
            assertThat(gunzip(zipped.body())).isEqualTo(page);
        }
        assertThat(cached.headers().firstValue("Content-Length")).hasValue(String.valueOf(cached.body().length));
        assertThat(cached.headers().firstValue("Content-Security-Policy")).isPresent();
    }
}

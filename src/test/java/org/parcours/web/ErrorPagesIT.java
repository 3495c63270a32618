package org.parcours.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Error pages as a real servlet container renders them (MockMvc skips the error dispatch). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPagesIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String language) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Accept-Language", language)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unknownUrlRendersTheNotFoundPageInTheVisitorsLanguage() throws Exception {
        HttpResponse<String> french = get("/no/such/page", "fr");
        HttpResponse<String> english = get("/no/such/page", "en");

        assertThat(french.statusCode()).isEqualTo(404);
        assertThat(french.body()).contains("Page introuvable", "<main id=\"main\"");
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("Page not found");
    }

    @Test
    void unknownCycleRendersTheNotFoundPage() throws Exception {
        HttpResponse<String> response = get("/cycles/no-such-cycle-here", "fr");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page introuvable");
    }

    @Test
    void malformedPathNeverShowsAStackTrace() throws Exception {
        HttpResponse<String> response = get("/cycles/%00%ff", "fr");

        assertThat(response.statusCode()).isBetween(400, 404);
        assertThat(response.body()).doesNotContain("Exception", "at org.", "at java.");
    }
}

package org.parcours.live;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One visitor of a live room over real HTTP, with their own cookies: opens the live page, joins as a guest, posts
 * the way the page's script does (CSRF header, {@code X-Live-Fetch}).
 */
public final class LiveBrowserlessClient {

    public final HttpClient http;
    private final String base;
    private String csrfHeader = "X-CSRF-TOKEN";
    private String csrf = "";
    private String stream = "";

    public LiveBrowserlessClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Opens the live page and remembers its CSRF token and stream address. */
    public Document open(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("live page answered " + response.statusCode());
        }
        Document page = Jsoup.parse(response.body());
        Element live = page.getElementById("live");
        if (live != null) {
            csrfHeader = live.attr("data-csrf-header");
            csrf = live.attr("data-csrf");
            stream = live.attr("data-stream");
        }
        return page;
    }

    public String stream() {
        return stream;
    }

    public URI streamUri() {
        return URI.create(base + stream);
    }

    public HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header(csrfHeader, csrf)
                        .header("X-Live-Fetch", "1")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

package org.parcours.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.parcours.testing.ManualClock;
import org.springframework.data.relational.core.conversion.MutableAggregateChange;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class PublicPageCacheTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-04-02T16:00:10Z"));
    private final PublicPageCache cache = new PublicPageCache(new LocaleConfig().localeResolver(), clock, true, true);
    private final AtomicInteger renders = new AtomicInteger();
    private Consumer<HttpServletResponse> page = response -> {};

    @Test
    void aPublicPageIsRenderedOnceAndThenServedWithTheSameHeadersAndAnEtag() throws Exception {
        MockHttpServletResponse first = get("/cycles/cooperer");
        MockHttpServletResponse second = get("/cycles/cooperer");

        assertThat(renders).hasValue(1);
        assertThat(second.getStatus()).isEqualTo(200);
        assertThat(second.getContentAsString())
                .isEqualTo(first.getContentAsString())
                .contains("render 1");
        assertThat(second.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(second.getHeader("Content-Security-Policy")).isEqualTo("default-src 'self'");
        assertThat(second.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(second.getHeader("ETag")).startsWith("W/\"");
        assertThat(second.getHeader("Cache-Control")).isEqualTo("no-cache");
        assertThat(second.getContentLength()).isEqualTo(first.getContentAsByteArray().length);
    }

    @Test
    void aMatchingIfNoneMatchGetsNotModified() throws Exception {
        get("/");
        String etag = get("/").getHeader("ETag");

        MockHttpServletResponse revalidated = get(request("/", r -> r.addHeader("If-None-Match", etag)));

        assertThat(revalidated.getStatus()).isEqualTo(304);
        assertThat(revalidated.getContentAsByteArray()).isEmpty();
        assertThat(get(request("/", r -> r.addHeader("If-None-Match", "W/\"other\"")))
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void theEtagOfTheControllerIsKept() throws Exception {
        page = response -> response.setHeader("ETag", "W/\"from-the-controller\"");
        get("/cycles/a");

        assertThat(get("/cycles/a").getHeader("ETag")).isEqualTo("W/\"from-the-controller\"");
        assertThat(get(request("/cycles/a", r -> r.addHeader("If-None-Match", "W/\"from-the-controller\"")))
                        .getStatus())
                .isEqualTo(304);
        assertThat(renders).hasValue(1);
    }

    @Test
    void eachLanguageHasItsOwnCopy() throws Exception {
        get(request("/cycles/a", r -> r.addHeader("Accept-Language", "en-GB,en;q=0.8")));
        get(request("/cycles/a", r -> r.setCookies(new Cookie("parcours-lang", "fr"))));
        get(request("/cycles/a", r -> r.addHeader("Accept-Language", "en-US")));
        get("/cycles/a");

        assertThat(renders).as("one render for English, one for French").hasValue(2);
    }

    @Test
    void pagesExpireAtTheNextMinuteBecauseStatusesDependOnTime() throws Exception {
        get("/cycles/a");
        clock.set(Instant.parse("2026-04-02T16:00:59.999Z"));
        get("/cycles/a");
        assertThat(renders).hasValue(1);

        clock.set(Instant.parse("2026-04-02T16:01:00Z"));
        assertThat(get("/cycles/a").getContentAsString()).contains("render 2");
    }

    @Test
    void aChangeThroughTheWebOrTheRepositoriesEmptiesTheCache() throws Exception {
        get("/cycles/a");
        cache.doFilter(new MockHttpServletRequest("POST", "/admin/cycles/1"), new MockHttpServletResponse(), chain());
        get("/cycles/a");
        assertThat(renders).as("the POST itself and the page again").hasValue(3);

        Object saved = new Object();
        cache.dataChanged(new AfterSaveEvent<>(saved, MutableAggregateChange.forSave(saved)));
        get("/cycles/a");
        assertThat(renders).hasValue(4);
    }

    @Test
    void visitorsWithASessionQueriesAndHtmxAlwaysReachTheApplication() throws Exception {
        get("/cycles/a");
        get(request("/cycles/a", r -> r.setRequestedSessionId("abc")));
        get(request("/cycles/a", r -> r.setQueryString("lang=en")));
        get(request("/cycles/a", r -> r.addParameter("lang", "en")));
        get(request("/cycles/a", r -> r.addHeader("HX-Request", "true")));
        get(request("/cycles/a/live", r -> r.addHeader("Accept", "text/event-stream")));
        get(request("/admin", r -> {}));
        get(request("/login", r -> {}));

        assertThat(renders).hasValue(8);
    }

    @Test
    void aRequestThatArrivesAuthenticatedIsNeverServedFromTheCache() throws Exception {
        get("/cycles/a");
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated("organiser", null, List.of()));
        try {
            get("/cycles/a");
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(renders).hasValue(2);
    }

    @Test
    void onlyAnonymousHtmlWith200IsKept() throws Exception {
        page = response -> response.addHeader("Set-Cookie", "parcours-lang=en");
        get("/cycles/a");
        get("/cycles/a");
        assertThat(renders).as("a response setting a cookie").hasValue(2);

        page = response -> response.setStatus(404);
        get("/cycles/b");
        get("/cycles/b");
        assertThat(renders).as("a 404").hasValue(4);

        page = response -> response.setContentType("application/json");
        get("/cycles/c");
        get("/cycles/c");
        assertThat(renders).as("not HTML").hasValue(6);

        page = response -> {};
        MockHttpServletRequest sessionCreated = new MockHttpServletRequest("GET", "/cycles/d");
        cache.doFilter(sessionCreated, new MockHttpServletResponse(), new MockFilterChain(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                request.getSession(true);
                render(response);
            }
        }));
        get("/cycles/d");
        assertThat(renders)
                .as("a render that created a session (e.g. a CSRF token)")
                .hasValue(8);
    }

    @Test
    void aLargePageIsKeptGzippedOnceForBrowsersThatAcceptIt() throws Exception {
        String text = "<p>Coopérer, c’est d’abord s’accorder sur les mots.</p>".repeat(60);
        page = response -> {
            try {
                response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        MockHttpServletResponse rendered = get("/cycles/long");

        MockHttpServletResponse zipped =
                get(request("/cycles/long", r -> r.addHeader("Accept-Encoding", "gzip, deflate, br")));
        MockHttpServletResponse plain = get("/cycles/long");
        MockHttpServletResponse refused =
                get(request("/cycles/long", r -> r.addHeader("Accept-Encoding", "gzip;q=0, identity")));

        assertThat(renders).hasValue(1);
        assertThat(zipped.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(zipped.getHeader("Vary")).contains("Accept-Encoding");
        assertThat(zipped.getContentLength()).isEqualTo(zipped.getContentAsByteArray().length);
        assertThat(zipped.getContentAsByteArray().length).isLessThan(rendered.getContentAsByteArray().length / 4);
        try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped.getContentAsByteArray()))) {
            assertThat(in.readAllBytes()).isEqualTo(rendered.getContentAsByteArray());
        }
        assertThat(plain.getHeader("Content-Encoding")).isNull();
        assertThat(plain.getContentAsByteArray()).isEqualTo(rendered.getContentAsByteArray());
        assertThat(refused.getHeader("Content-Encoding")).isNull();
        assertThat(zipped.getHeader("ETag")).isEqualTo(plain.getHeader("ETag"));
    }

    @Test
    void smallPagesAndCompressionOffAreSentAsTheyAre() throws Exception {
        get("/cycles/short");
        assertThat(get(request("/cycles/short", r -> r.addHeader("Accept-Encoding", "gzip")))
                        .getHeader("Content-Encoding"))
                .isNull();

        var uncompressed = new PublicPageCache(new LocaleConfig().localeResolver(), clock, true, false);
        page = response -> {
            try {
                response.getOutputStream().write(new byte[4 * CachedPage.MIN_GZIP_BYTES]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        for (int i = 0; i < 2; i++) {
            MockHttpServletRequest request = request("/cycles/zeros", r -> r.addHeader("Accept-Encoding", "gzip"));
            MockHttpServletResponse response = new MockHttpServletResponse();
            uncompressed.doFilter(request, response, chain());
            assertThat(response.getHeader("Content-Encoding")).isNull();
        }
    }

    @Test
    void acceptEncodingIsReadWithItsQualities() {
        assertThat(CachedPage.acceptsGzip("gzip, deflate, br, zstd")).isTrue();
        assertThat(CachedPage.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
        assertThat(CachedPage.acceptsGzip("*")).isTrue();
        assertThat(CachedPage.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(CachedPage.acceptsGzip("*;q=0")).isFalse();
        assertThat(CachedPage.acceptsGzip("*;q=0.5, gzip;q=0")).isFalse();
        assertThat(CachedPage.acceptsGzip("*, GZIP ; Q=0.000")).isFalse();
        assertThat(CachedPage.acceptsGzip("gzip;q=0.01")).isTrue();
        assertThat(CachedPage.acceptsGzip("x-gzip;q=0, gzip")).isTrue();
        assertThat(CachedPage.acceptsGzip("identity")).isFalse();
        assertThat(CachedPage.acceptsGzip("")).isFalse();
        assertThat(CachedPage.acceptsGzip(null)).isFalse();
        assertThat(CachedPage.acceptsGzip(";;;=,")).isFalse();
    }

    @Test
    void nextMinuteIsTheStartOfTheFollowingMinute() {
        assertThat(PublicPageCache.nextMinute(Instant.parse("2026-04-02T16:00:00Z")))
                .isEqualTo(Instant.parse("2026-04-02T16:01:00Z"));
        assertThat(PublicPageCache.nextMinute(Instant.parse("2026-04-02T16:59:59.999Z")))
                .isEqualTo(Instant.parse("2026-04-02T17:00:00Z"));
    }

    private MockHttpServletResponse get(String path) throws Exception {
        return get(request(path, r -> {}));
    }

    private MockHttpServletResponse get(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        cache.doFilter(request, response, chain());
        return response;
    }

    private static MockHttpServletRequest request(String path, Consumer<MockHttpServletRequest> setup) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        setup.accept(request);
        return request;
    }

    private MockFilterChain chain() {
        return new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                render(response);
            }
        });
    }

    private void render(HttpServletResponse response) throws IOException {
        int n = renders.incrementAndGet();
        response.setHeader("Content-Security-Policy", "default-src 'self'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setContentType("text/html;charset=UTF-8");
        page.accept(response);
        response.getOutputStream().write(("<p>render " + n + "</p>").getBytes(StandardCharsets.UTF_8));
    }
}

package org.parcours.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.relational.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.data.relational.core.mapping.event.RelationalEvent;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Serves the public pages (home, cycles, sessions, trainings) to anonymous visitors from a small cache of the HTML
 * the application rendered, so a popular page is rendered once per minute and language instead of once per
 * visit. It runs before Spring Security and the other filters, and replays the headers of the rendered response (CSP and the other
 * security headers included) with an ETag (the controller's, or a hash of the HTML), so browsers revalidate with
 * {@code If-None-Match} and get 304.
 *
 * <p>Why this is correct: a page is cached only if it was rendered for a request without a session (so for an
 * anonymous visitor, with no CSRF token in it), with status 200 and HTML, and without setting a cookie. The key
 * is the path and the visitor's language as the {@link LocaleResolver} resolves it; requests with a query string,
 * a session, htmx or event-stream requests always go to the application. Entries end at the next minute of the
 * {@link Clock}, because what a page says about time (upcoming, live, past) changes on whole minutes. Every
 * state-changing request and every aggregate saved or deleted through Spring Data JDBC empties the cache; a render
 * that overlapped such a change is not stored. Organisers, who have a session, always see fresh pages.
 *
 * <p>With response compression on ({@code server.compression.enabled}), a page of {@link CachedPage#MIN_GZIP_BYTES} or more is
 * also kept gzipped, compressed once when it is stored: browsers, which all accept gzip, get those bytes instead of
 * the servlet container compressing the same page again on every visit.
 */
@Component
@Order(PublicPageCache.ORDER)
class PublicPageCache extends OncePerRequestFilter {

    /**
     * Right after forwarded-header handling and the character encoding (both at the highest precedence), before
     * every other filter: a cached page needs none of them, and on a hit their cost would be most of the work.
     */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    static final int MAX_PAGES = 1_000;
    static final int MAX_PAGE_BYTES = 1 << 20;

    /** Headers that are per response, or that this filter sets itself on a cached answer. */
    private static final Set<String> NOT_REPLAYED = Set.of(
            "set-cookie",
            "content-length",
            "content-type",
            "content-encoding",
            "transfer-encoding",
            "date",
            "connection",
            "keep-alive",
            "cache-control",
            "pragma",
            "expires",
            "etag",
            "vary");

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final LocaleResolver locales;
    private final Clock clock;
    private final boolean enabled;
    private final boolean compress;
    private final Map<Key, CachedPage> pages = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    PublicPageCache(
            LocaleResolver locales,
            Clock clock,
            @Value("${parcours.page-cache.enabled:true}") boolean enabled,
            @Value("${server.compression.enabled:false}") boolean compress) {
        this.locales = locales;
        this.clock = clock;
        this.enabled = enabled;
        this.compress = compress;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!cacheable(request)) {
            try {
                chain.doFilter(request, response);
            } finally {
                if (!SAFE_METHODS.contains(request.getMethod())) {
                    clear();
                }
            }
            return;
        }
        Key key =
                new Key(request.getRequestURI(), locales.resolveLocale(request).getLanguage());
        Instant now = clock.instant();
        CachedPage page = pages.get(key);
        if (page != null && now.isBefore(page.expires())) {
            page.writeTo(request, response);
            return;
        }
        long seen = generation.get();
        PageCapture capture = new PageCapture(response);
        try {
            chain.doFilter(request, capture);
        } finally {
            capture.finish();
        }
        byte[] body = capture.body();
        String contentType = response.getContentType();
        if (body != null
                && body.length > 0
                && !request.isAsyncStarted()
                && response.getStatus() == HttpServletResponse.SC_OK
                && contentType != null
                && contentType.startsWith("text/html")
                && !response.containsHeader(HttpHeaders.SET_COOKIE)
                && request.getSession(false) == null) {
            // A controller that computed its own ETag keeps it, so a copy it validated stays valid here.
            CachedPage rendered = CachedPage.of(
                    body,
                    compress,
                    contentType,
                    replayedHeaders(response),
                    response.getHeader(HttpHeaders.ETAG),
                    nextMinute(now));
            store(key, rendered, seen);
        }
    }

    /** Only anonymous, plain page views of the public route families. */
    private boolean cacheable(HttpServletRequest request) {
        if (!enabled
                || !"GET".equals(request.getMethod())
                || request.getQueryString() != null
                || !request.getParameterMap().isEmpty()) {
            return false;
        }
        String path = request.getRequestURI();
        boolean publicPage = path.equals("/") || path.startsWith("/cycles/") || path.startsWith("/trainings");
        if (!publicPage || path.indexOf(';') >= 0) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return request.getRequestedSessionId() == null
                // Already authenticated before Spring Security ran: only test set-ups (MockMvc users) do that.
                && SecurityContextHolder.getContext().getAuthentication() == null
                && request.getHeader("HX-Request") == null
                && request.getHeader(HttpHeaders.RANGE) == null
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && (accept == null || !accept.contains("text/event-stream"));
    }

    private void store(Key key, CachedPage page, long seen) {
        if (pages.size() >= MAX_PAGES) {
            pages.clear();
        }
        pages.put(key, page);
        if (generation.get() != seen) {
            // The data changed while this page was rendered: it may show the old state.
            pages.remove(key, page);
        }
    }

    /**
     * Empties the cache once a change to cycles, sessions or anything else saved or deleted through Spring Data JDBC
     * is committed. Only writes: loading an aggregate publishes relational events too.
     */
    @TransactionalEventListener(
            classes = {AfterSaveEvent.class, AfterDeleteEvent.class},
            fallbackExecution = true)
    void dataChanged(RelationalEvent<?> event) {
        clear();
    }

    int size() {
        return pages.size();
    }

    void clear() {
        generation.incrementAndGet();
        pages.clear();
    }

    static Instant nextMinute(Instant now) {
        return now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
    }

    private static List<Map.Entry<String, String>> replayedHeaders(HttpServletResponse response) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String name : Set.copyOf(response.getHeaderNames())) {
            if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : response.getHeaders(name)) {
                    headers.add(Map.entry(name, value));
                }
            }
        }
        return List.copyOf(headers);
    }

    record Key(String path, String language) {}
}

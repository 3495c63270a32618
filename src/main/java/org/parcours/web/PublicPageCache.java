package org.parcours.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringReader;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.apache.tomcat.util.http.parser.AcceptEncoding;
import org.jspecify.annotations.Nullable;
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
 * <p>With response compression on ({@code server.compression.enabled}), a page of {@link #MIN_GZIP_BYTES} or more is
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

    /** Tomcat's own threshold ({@code server.compression.min-response-size}): smaller pages are sent as they are. */
    static final int MIN_GZIP_BYTES = 2048;

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

    private static final Pattern GZIP_REFUSED =
            Pattern.compile("(?i)(?:^|,)\\s*gzip\\s*;\\s*q\\s*=\\s*0(?:\\.0{0,3})?\\s*(?:,|$)");

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final LocaleResolver locales;
    private final Clock clock;
    private final boolean enabled;
    private final boolean compress;
    private final Map<Key, Page> pages = new ConcurrentHashMap<>();
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
        Page page = pages.get(key);
        if (page != null && now.isBefore(page.expires())) {
            page.writeTo(request, response);
            return;
        }
        long seen = generation.get();
        Capture capture = new Capture(response);
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
            String etag = response.getHeader(HttpHeaders.ETAG);
            Page rendered = new Page(
                    body,
                    compress && body.length >= MIN_GZIP_BYTES ? gzip(body) : null,
                    contentType,
                    replayedHeaders(response),
                    etag != null ? etag : etag(body),
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

    private void store(Key key, Page page, long seen) {
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

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new IllegalStateException("gzip in memory", e);
        }
        return out.toByteArray();
    }

    /**
     * True if the Accept-Encoding header lists gzip (or *) with a quality above zero. Read by Tomcat's parser, as the
     * container reads it for its own compression; that parser leaves out entries of quality zero, so an explicit
     * {@code gzip;q=0} is looked for first (it refuses gzip even when {@code *} is accepted).
     */
    static boolean acceptsGzip(@Nullable String acceptEncoding) {
        if (acceptEncoding == null
                || acceptEncoding.isBlank()
                || GZIP_REFUSED.matcher(acceptEncoding).find()) {
            return false;
        }
        try {
            boolean gzip = false;
            for (AcceptEncoding encoding : AcceptEncoding.parse(new StringReader(acceptEncoding))) {
                if (encoding.getEncoding().equalsIgnoreCase("gzip")) {
                    return encoding.getQuality() > 0;
                }
                if (encoding.getEncoding().equals("*")) {
                    gzip = encoding.getQuality() > 0;
                }
            }
            return gzip;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Key(String path, String language) {}

    record Page(
            byte[] body,
            byte @Nullable [] gzipped,
            String contentType,
            List<Map.Entry<String, String>> headers,
            String etag,
            Instant expires) {

        void writeTo(HttpServletRequest request, HttpServletResponse response) throws IOException {
            for (Map.Entry<String, String> header : headers) {
                response.addHeader(header.getKey(), header.getValue());
            }
            // Browsers may keep the page but must ask again; the answer is a 304 while it has not changed.
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            response.setHeader(
                    HttpHeaders.VARY,
                    gzipped == null ? "Accept-Language, Cookie" : "Accept-Language, Cookie, Accept-Encoding");
            response.setHeader(HttpHeaders.ETAG, etag);
            if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(contentType);
            byte[] sent = body;
            if (gzipped != null && acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
                // the container compresses nothing that already has a Content-Encoding
                response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
                sent = gzipped;
            }
            response.setContentLength(sent.length);
            response.getOutputStream().write(sent);
        }

        private boolean matches(@Nullable String ifNoneMatch) {
            if (ifNoneMatch == null) {
                return false;
            }
            String opaque = etag.substring(2);
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.strip();
                if (tag.equals("*") || tag.equals(etag) || tag.equals(opaque) || tag.equals("W/" + opaque)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Passes the response through untouched while keeping a copy of an HTML body (up to {@link #MAX_PAGE_BYTES}),
     * so nothing is delayed or buffered for other content such as files or event streams.
     */
    private static final class Capture extends HttpServletResponseWrapper {

        private @Nullable ByteArrayOutputStream copy = new ByteArrayOutputStream(16 * 1024);
        private boolean decided;
        private @Nullable ServletOutputStream stream;
        private @Nullable PrintWriter writer;

        Capture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream target = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        target.write(b);
                        keep(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        target.write(b, off, len);
                        keep(b, off, len);
                    }

                    @Override
                    public void flush() throws IOException {
                        target.flush();
                    }

                    @Override
                    public boolean isReady() {
                        return target.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        target.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), getCharacterEncoding()), false);
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            super.flushBuffer();
        }

        private void keep(byte[] bytes, int off, int len) {
            if (!decided) {
                decided = true;
                String type = getContentType();
                if (type == null || !type.startsWith("text/html")) {
                    copy = null;
                }
            }
            if (copy != null) {
                if (copy.size() + len > MAX_PAGE_BYTES) {
                    copy = null;
                } else {
                    copy.write(bytes, off, len);
                }
            }
        }

        void finish() {
            if (writer != null) {
                writer.flush();
            }
        }

        byte @Nullable [] body() {
            return copy == null ? null : copy.toByteArray();
        }
    }
}

package org.parcours.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.apache.tomcat.util.http.parser.AcceptEncoding;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * A page kept by {@link PublicPageCache}: the HTML as rendered, a gzipped copy for pages of {@link #MIN_GZIP_BYTES}
 * or more (compressed once, so the container does not compress the same page again on every visit), the headers to
 * replay, a weak ETag and the end of its life. {@link #writeTo} answers a visit from it, with 304 on a matching
 * {@code If-None-Match}.
 */
record CachedPage(
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

    /** Tomcat's own threshold ({@code server.compression.min-response-size}): smaller pages are sent as they are. */
    static final int MIN_GZIP_BYTES = 2048;

    private static final Pattern GZIP_REFUSED =
            Pattern.compile("(?i)(?:^|,)\\s*gzip\\s*;\\s*q\\s*=\\s*0(?:\\.0{0,3})?\\s*(?:,|$)");

    /** A rendered page: a gzipped copy is made now if asked and worth it, the ETag is the controller's or a hash. */
    static CachedPage of(
            byte[] body,
            boolean compress,
            String contentType,
            List<Map.Entry<String, String>> headers,
            @Nullable String etag,
            Instant expires) {
        return new CachedPage(
                body,
                compress && body.length >= MIN_GZIP_BYTES ? gzip(body) : null,
                contentType,
                headers,
                etag != null ? etag : etag(body),
                expires);
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
}

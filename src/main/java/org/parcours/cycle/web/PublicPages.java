package org.parcours.cycle.web;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.parcours.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.WebRequest;

/**
 * What every public page does before it renders: reject malformed slugs, and answer 304 when the visitor's copy is
 * still right.
 *
 * <p>The ETag is a hash of everything the page shows: the view record (whose {@code toString} covers the data and
 * each session's status now, so a session going live changes it), the language, and the moment this process
 * started (a new deployment may render the same data differently). Pages are revalidated on every visit
 * ({@code Cache-Control: no-cache}). Signed-in visitors are never answered 304: their pages carry per-person parts
 * and keep Spring Security's {@code no-store}.
 */
final class PublicPages {

    /** Slugs are short words of letters, digits, '-' and '_'; anything else cannot exist and is a 404 at once. */
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,119}");

    private static final String DEPLOYMENT = Instant.now().toString();

    private PublicPages() {}

    static String requireSlug(String slug) {
        if (!SLUG.matcher(slug).matches()) {
            throw new NotFoundException();
        }
        return slug;
    }

    /**
     * Sets the caching headers and tells whether the visitor's copy of the page showing {@code view} is current;
     * when it is, the response is already a 304 and the controller must return {@code null}.
     */
    static boolean notModified(WebRequest request, HttpServletResponse response, Locale locale, Object view) {
        if (request.getUserPrincipal() != null) {
            return false;
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        response.addHeader(HttpHeaders.VARY, "Accept-Language, Cookie");
        return request.checkNotModified(etag(locale, view));
    }

    static String etag(Locale locale, Object view) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String versioned = DEPLOYMENT + '\n' + locale.toLanguageTag() + '\n' + view;
            digest.update(versioned.getBytes(StandardCharsets.UTF_8));
            // Weak: the same page may be sent gzip-compressed or not.
            return "W/\"" + HexFormat.of().formatHex(digest.digest(), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

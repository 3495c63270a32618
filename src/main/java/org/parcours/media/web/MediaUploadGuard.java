package org.parcours.media.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.parcours.media.MediaSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps large request bodies to the one place that needs them. The servlet container's multipart limits are the
 * media limit (4 GB by default) because they cannot differ per route; this filter, placed in the security chain
 * before the CSRF check (which reads the body), answers 413 at once to any multipart request larger than {@code
 * parcours.media.other-uploads-max-size} unless an organiser is posting to a session's media upload route, and
 * 411 to one that does not say its length. It reads no body itself.
 *
 * <p>Media uploads carry their CSRF token in the query string. Tomcat refuses to give any parameter of a request
 * whose multipart body is too large or cut short (it throws), so for those routes parameters fall back to the
 * query string: the CSRF check and the language switch still work, and the controller can answer with the media
 * page and the reason instead of a bare error.
 */
public final class MediaUploadGuard extends OncePerRequestFilter {

    private static final Pattern MEDIA_UPLOAD = Pattern.compile("/admin/sessions/\\d+/media/[a-z/]+");

    private final long otherUploadsMax;

    MediaUploadGuard(MediaSettings settings) {
        this.otherUploadsMax = settings.otherUploadsMaxSize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        if (multipart && !mediaUpload(request)) {
            long length = request.getContentLengthLong();
            if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
                response.sendError(HttpServletResponse.SC_LENGTH_REQUIRED);
                return;
            }
            if (length > otherUploadsMax) {
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
        }
        chain.doFilter(multipart && mediaUpload(request) ? new QueryParametersOnFailure(request) : request, response);
    }

    private static boolean mediaUpload(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())
                || !MEDIA_UPLOAD.matcher(request.getRequestURI()).matches()) {
            return false;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> "ROLE_ORGANISER".equals(a.getAuthority()));
    }
}

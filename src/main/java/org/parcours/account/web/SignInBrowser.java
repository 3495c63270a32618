package org.parcours.account.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.parcours.account.SignInLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The cookie that ties a sign-in link to the browser that asked for it: a random value, HttpOnly, SameSite=Lax,
 * sent only to {@code /signin}. The database keeps its hash with each link it asked for.
 */
@Component
class SignInBrowser {

    static final String COOKIE = "PARCOURS_SIGNIN";
    private static final Duration LIFETIME = Duration.ofDays(1);

    private final boolean secure;

    SignInBrowser(@Value("${server.servlet.session.cookie.secure:true}") boolean secure) {
        this.secure = secure;
    }

    /** This browser's value, or null when it has none. */
    @Nullable
    String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** This browser's value, set now if it has none (or a malformed one). */
    String readOrCreate(HttpServletRequest request, HttpServletResponse response) {
        String value = read(request);
        if (value != null && value.matches("[A-Za-z0-9_-]{43}")) {
            return value;
        }
        String fresh = SignInLinks.newBrowserSecret();
        ResponseCookie cookie = ResponseCookie.from(COOKIE, fresh)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Lax")
                .path("/signin")
                .maxAge(LIFETIME)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        return fresh;
    }
}

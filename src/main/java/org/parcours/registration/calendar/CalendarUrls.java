package org.parcours.registration.calendar;

import java.net.URI;
import java.util.Locale;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.Session;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Absolute links and identifiers written into calendars and e-mails, all built on {@code parcours.base-url} (never
 * on the request's Host header, which a client chooses).
 */
@Component
public class CalendarUrls {

    private final String baseUrl;
    private final String host;

    CalendarUrls(@Value("${parcours.base-url}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String parsed = URI.create(this.baseUrl).getHost();
        this.host = parsed == null || parsed.isBlank() ? "parcours.invalid" : parsed.toLowerCase(Locale.ROOT);
    }

    /** The UID of a session in invitations and the personal feed: one event per session, whatever the seat. */
    public String uid(long sessionId) {
        return "session-" + sessionId + "@" + host;
    }

    /**
     * The UID of a session in the public cycle feed: a different event from the invitation, so a calendar program
     * holding both never replaces someone's invitation (with their conference link) by the public entry.
     */
    String publicUid(long sessionId) {
        return "session-" + sessionId + "-public@" + host;
    }

    public String sessionPagePath(Cycle cycle, Session session) {
        return "/cycles/" + cycle.slug() + "/sessions/" + session.slug();
    }

    public String absolute(String path) {
        return baseUrl + path;
    }

    String cycleFeedPath(String cycleSlug) {
        return "/cycles/" + cycleSlug + "/calendar.ics";
    }

    /** {@code webcal://host/path}: calendar programs subscribe to it instead of importing a copy once. */
    String webcal(String path) {
        String absolute = absolute(path);
        int scheme = absolute.indexOf("://");
        return "webcal" + (scheme < 0 ? "://" + absolute : absolute.substring(scheme));
    }
}

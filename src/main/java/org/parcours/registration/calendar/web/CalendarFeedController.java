package org.parcours.registration.calendar.web;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.parcours.cycle.CycleService;
import org.parcours.registration.calendar.CalendarFeeds;
import org.parcours.web.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Calendar feeds. Both are open without signing in: the cycle feed is public (stream link only), the personal one
 * is protected by its unguessable token alone (calendar programs cannot sign in), which is why it is never cached
 * by shared caches and never indexed. An unknown token and an unknown cycle are the same 404 as any missing page.
 */
@Controller
class CalendarFeedController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,119}");

    private final CalendarFeeds feeds;
    private final CycleService cycles;

    CalendarFeedController(CalendarFeeds feeds, CycleService cycles) {
        this.feeds = feeds;
        this.cycles = cycles;
    }

    @GetMapping("/cycles/{slug}/calendar.ics")
    ResponseEntity<byte[]> cycleFeed(@PathVariable String slug) {
        if (!SLUG.matcher(slug).matches()) {
            throw new NotFoundException();
        }
        byte[] body = feeds.cycleFeed(slug).orElseThrow(NotFoundException::new);
        return ResponseEntity.ok()
                .contentType(TEXT_CALENDAR)
                .cacheControl(CacheControl.noCache().cachePublic())
                .header(HttpHeaders.CONTENT_DISPOSITION, inline(slug + ".ics"))
                .body(body);
    }

    /** The cycle page links here: calendar programs subscribe to {@code webcal://} rather than import once. */
    @GetMapping("/cycles/{slug}/calendar")
    String subscribe(@PathVariable String slug) {
        if (!SLUG.matcher(slug).matches() || cycles.publishedCycle(slug).isEmpty()) {
            throw new NotFoundException();
        }
        return "redirect:" + feeds.cycleLink(slug).webcal();
    }

    @GetMapping("/calendar/{token}.ics")
    ResponseEntity<byte[]> personalFeed(@PathVariable String token) {
        byte[] body = feeds.personalFeed(token).orElseThrow(NotFoundException::new);
        return ResponseEntity.ok()
                .contentType(TEXT_CALENDAR)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("X-Robots-Tag", "noindex, nofollow")
                .header(HttpHeaders.CONTENT_DISPOSITION, inline("parcours.ics"))
                .body(body);
    }

    private static String inline(String filename) {
        return ContentDisposition.inline()
                .filename(filename, StandardCharsets.UTF_8)
                .build()
                .toString();
    }
}

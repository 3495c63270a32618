package org.parcours.web;

import gg.jte.Content;
import gg.jte.support.LocalizationSupport;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every template needs, built once per request: messages in the visitor's language, the CSRF token for
 * forms, date formatting in French or English conventions, safe Markdown and who is signed in.
 *
 * <p>The CSRF token is only read when a template asks for it, so public pages create no HTTP session.
 */
public final class Ui implements LocalizationSupport, Texts {

    private final HttpServletRequest request;
    private final MessageSource messages;
    private final MarkdownRenderer markdown;
    private final Locale locale;
    private final Clock clock;

    Ui(HttpServletRequest request, MessageSource messages, MarkdownRenderer markdown, Locale locale, Clock clock) {
        this.request = request;
        this.messages = messages;
        this.markdown = markdown;
        this.locale = locale;
        this.clock = clock;
    }

    public Locale locale() {
        return locale;
    }

    public String lang() {
        return locale.getLanguage();
    }

    @Override
    public @Nullable String lookup(String key) {
        try {
            return messages.getMessage(key, null, locale);
        } catch (NoSuchMessageException e) {
            return key;
        }
    }

    /** A message as plain text (escaped by the template), with {@link java.text.MessageFormat} arguments. */
    public String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    public @Nullable CsrfToken csrf() {
        return (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    }

    /** The {@code hx-headers} value that lets htmx requests pass CSRF protection. */
    public String htmxCsrfHeaders() {
        CsrfToken token = csrf();
        return token == null ? "{}" : "{\"" + token.getHeaderName() + "\": \"" + token.getToken() + "\"}";
    }

    /** The current page in another language, for the language switch. */
    public String languageUrl(String language) {
        return UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString())
                .replaceQueryParam("lang", language)
                .build()
                .toUriString();
    }

    public String path() {
        return request.getRequestURI();
    }

    public Content markdown(@Nullable String source) {
        String html = source == null ? "" : markdown.toSafeHtml(source);
        return output -> output.writeContent(html);
    }

    public Instant now() {
        return clock.instant();
    }

    /** "jeudi 2 avril 2020" / "Thursday, April 2, 2020". */
    public String date(ZonedDateTime dateTime) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                .withLocale(locale)
                .format(dateTime);
    }

    public String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale)
                .format(date);
    }

    /** "18:00" / "6:00 PM". */
    public String time(ZonedDateTime dateTime) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(locale)
                .format(dateTime);
    }

    /** "2 avr. 2020" / "Apr 2, 2020". */
    public String shortDate(ZonedDateTime dateTime) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(dateTime);
    }

    /** Machine-readable value for {@code <time datetime>}. */
    public String iso(ZonedDateTime dateTime) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
    }

    public String iso(LocalDate date) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
    }

    /** The zone's name in the visitor's language: "heure d’été d’Europe centrale" / "Central European Summer Time". */
    public String zone(ZonedDateTime dateTime) {
        return DateTimeFormatter.ofPattern("zzzz", locale).format(dateTime);
    }

    /**
     * "du 8 au 10 juin 2026" / "June 8–10, 2026", shortened when both dates share a month or a year; the single date
     * when they are the same day. Patterns come from the {@code format.dateRange.*} messages.
     */
    public String dateRange(LocalDate start, LocalDate end) {
        if (start.equals(end)) {
            return date(start);
        }
        if (start.getYear() != end.getYear()) {
            return text("format.dateRange.otherYear", date(start), date(end));
        }
        String kind = start.getMonth() == end.getMonth() ? "format.dateRange.sameMonth" : "format.dateRange.sameYear";
        return text(
                kind,
                DateTimeFormatter.ofPattern(text(kind + ".start"), locale).format(start),
                DateTimeFormatter.ofPattern(text(kind + ".end"), locale).format(end));
    }

    /** "45 min", "1 h", "1 h 30" / "1 h 30 min". */
    public String duration(int minutes) {
        if (minutes < 60) {
            return text("format.duration.minutes", minutes);
        }
        return minutes % 60 == 0
                ? text("format.duration.hours", minutes / 60)
                : text("format.duration.hoursMinutes", minutes / 60, minutes % 60);
    }

    public boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getPrincipal());
    }

    public boolean organiser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> "ROLE_ORGANISER".equals(a.getAuthority()));
    }
}

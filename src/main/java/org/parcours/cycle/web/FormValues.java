package org.parcours.cycle.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Parsing and normalising of what admin forms send, shared by the form records. */
final class FormValues {

    /** Region time zones (e.g. Europe/Paris) offered in the time-zone fields. */
    static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
            .sorted()
            .toList();

    static final String DEFAULT_ZONE = "Europe/Paris";

    private FormValues() {}

    /** Trimmed text, never null. */
    static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    /** Multi-line text (Markdown): only line endings are normalised, leading spaces mean something there. */
    static String markdown(@Nullable String value) {
        return value == null ? "" : value.replace("\r\n", "\n").stripTrailing();
    }

    /** Trimmed text, or null when blank. */
    static @Nullable String optional(@Nullable String value) {
        String text = text(value);
        return text.isEmpty() ? null : text;
    }

    static Optional<ZoneId> zone(@Nullable String value) {
        try {
            return Optional.of(ZoneId.of(text(value)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The value of an {@code <input type="datetime-local">}: 2026-04-02T18:00, seconds optional. */
    static Optional<LocalDateTime> localDateTime(@Nullable String value) {
        try {
            return Optional.of(LocalDateTime.parse(text(value)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<LocalDate> date(@Nullable String value) {
        try {
            return Optional.of(LocalDate.parse(text(value)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Only absolute http(s) links with a host: no javascript:, data: or relative URLs. */
    static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

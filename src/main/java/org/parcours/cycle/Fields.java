package org.parcours.cycle;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Typed, checked access to the properties of one YAML mapping of a cycle file. Every getter that finds something
 * wrong adds a problem naming the line and the field path, and returns {@code null} (or the default) so reading
 * goes on and all problems are reported at once.
 */
final class Fields {

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int SLUG_MAX = 120;
    static final int URL_MAX = 1000;
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,9}");

    private final YamlNode.Mapping mapping;
    private final String path;
    private final List<CycleFileProblem> problems;

    private Fields(YamlNode.Mapping mapping, String path, List<CycleFileProblem> problems) {
        this.mapping = mapping;
        this.path = path;
        this.problems = problems;
    }

    /** The fields of {@code node}, or {@code null} (and a problem) when it is not a mapping. */
    static @Nullable Fields of(YamlNode node, String path, List<CycleFileProblem> problems) {
        if (node instanceof YamlNode.Mapping mapping) {
            return new Fields(mapping, path, problems);
        }
        problems.add(CycleFileProblem.of(node.line(), path, "notMapping"));
        return null;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    String path() {
        return path;
    }

    int line() {
        return mapping.line();
    }

    /** The line of {@code key}, or of the mapping itself when the key is absent. */
    int line(String key) {
        YamlNode.Property property = mapping.properties().get(key);
        return property == null ? mapping.line() : property.line();
    }

    void problem(String key, String problemKey, Object... args) {
        problems.add(CycleFileProblem.of(line(key), path(key), problemKey, args));
    }

    /** Unknown keys are most often typos: report them rather than silently ignoring a field. */
    void allowOnly(List<String> known) {
        Set<String> allowed = Set.copyOf(known);
        for (YamlNode.Property property : mapping.properties().values()) {
            if (!allowed.contains(property.key())) {
                problem(property.key(), "unknownField", property.key(), String.join(", ", known));
            }
        }
    }

    boolean has(String key) {
        YamlNode.Property property = mapping.properties().get(key);
        return property != null && !(property.value() instanceof YamlNode.Scalar(var text, var line) && text == null);
    }

    /** Trimmed single-line text; missing or blank gives {@code null} (and a problem if required). */
    @Nullable
    String text(String key, boolean required, int maxLength) {
        String value = raw(key, required);
        return value == null ? null : checkLength(key, value.strip(), maxLength);
    }

    /** Optional text that defaults to empty. */
    String text(String key, int maxLength) {
        String value = text(key, false, maxLength);
        return value == null ? "" : value;
    }

    /** Multi-line Markdown: trailing blanks go, leading indentation of the first line stays. */
    String markdown(String key, int maxLength) {
        String value = raw(key, false);
        String trimmed = value == null ? "" : value.stripTrailing().replaceFirst("^(\\s*\\R)+", "");
        String checked = checkLength(key, trimmed, maxLength);
        return checked == null ? "" : checked;
    }

    @Nullable
    String slug(String key) {
        String value = text(key, true, SLUG_MAX);
        if (value != null && !SLUG.matcher(value).matches()) {
            problem(key, "slug", value);
            return null;
        }
        return value;
    }

    /** An optional http(s) URL with a host. */
    @Nullable
    String url(String key) {
        String value = text(key, false, URL_MAX);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problem(key, "url", value);
        return null;
    }

    /** A whole number in {@code min..max}; missing gives {@code fallback} (a problem if required). */
    @Nullable
    Integer integer(String key, boolean required, int min, int max, @Nullable Integer fallback) {
        String value = text(key, required, 20);
        if (value == null) {
            return required ? null : fallback;
        }
        if (!INTEGER.matcher(value).matches()) {
            problem(key, "integer", value);
            return null;
        }
        int number = Integer.parseInt(value);
        if (number < min || number > max) {
            problem(key, "range", number, min, max);
            return null;
        }
        return number;
    }

    /** One of {@code allowed} (case-insensitive, returned in lower case); missing gives {@code fallback}. */
    @Nullable
    String choice(String key, List<String> allowed, @Nullable String fallback) {
        String value = text(key, fallback == null, 64);
        if (value == null) {
            return fallback;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
            problem(key, "choice", value, String.join(", ", allowed));
            return null;
        }
        return lower;
    }

    @Nullable
    LocalDate date(String key, boolean required) {
        String value = text(key, required, 40);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problem(key, "date", value);
            return null;
        }
    }

    /** {@code 2020-04-02T18:00} or {@code 2020-04-02 18:00}, seconds optional, no offset. */
    @Nullable
    LocalDateTime dateTime(String key) {
        String value = text(key, false, 40);
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) +", "$1T"));
        } catch (DateTimeParseException e) {
            problem(key, "dateTime", value);
            return null;
        }
    }

    /** {@code 18:00}. */
    @Nullable
    LocalTime time(String key, boolean required) {
        String value = text(key, required, 20);
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value.length() == 4 ? "0" + value : value);
        } catch (DateTimeParseException e) {
            problem(key, "time", value);
            return null;
        }
    }

    /** The items of a list; missing gives an empty list, anything but a list gives a problem. */
    List<YamlNode> list(String key) {
        YamlNode.Property property = mapping.properties().get(key);
        if (property == null || !has(key)) {
            return List.of();
        }
        if (property.value() instanceof YamlNode.Sequence sequence) {
            return sequence.items();
        }
        problem(key, "notList");
        return List.of();
    }

    /** A nested mapping, or {@code null} when absent (or not a mapping, with a problem). */
    @Nullable
    Fields mapping(String key) {
        if (!has(key)) {
            return null;
        }
        return of(mapping.properties().get(key).value(), path(key), problems);
    }

    private @Nullable String raw(String key, boolean required) {
        YamlNode.Property property = mapping.properties().get(key);
        if (property == null || !has(key)) {
            if (required) {
                problem(key, "required", key);
            }
            return null;
        }
        if (!(property.value() instanceof YamlNode.Scalar scalar) || scalar.text() == null) {
            problem(key, "notText");
            return null;
        }
        if (scalar.text().isBlank()) {
            if (required) {
                problem(key, "required", key);
            }
            return null;
        }
        return scalar.text();
    }

    private @Nullable String checkLength(String key, String value, int maxLength) {
        if (value.length() > maxLength) {
            problem(key, "tooLong", maxLength, value.length());
            return null;
        }
        return value;
    }
}

package org.parcours.library.bibliography;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one set of rules every reference meets, whether typed in the admin or read from a file: {@link
 * #normalise(ReferenceData)} tidies what is equivalent (blank to null, a DOI link to the bare DOI, "12-34" to
 * "12–34", "french" to "fr"), {@link #check(ReferenceData)} lists what is wrong. The limits are the column sizes.
 */
final class ReferenceRules {

    static final int MAX_AUTHORS = 100;
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");
    private static final Pattern DOI_PREFIX = Pattern.compile("(?i)^(https?://(dx\\.)?doi\\.org/|doi:\\s*)");
    private static final Pattern ISBN = Pattern.compile("(\\d{9}[\\dX])|(\\d{13})");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern PAGE_DASH = Pattern.compile("\\s*(--|—|–|‑|-)\\s*");
    private static final Map<String, String> LANGUAGE_NAMES = Map.ofEntries(
            Map.entry("french", "fr"),
            Map.entry("francais", "fr"),
            Map.entry("français", "fr"),
            Map.entry("english", "en"),
            Map.entry("anglais", "en"),
            Map.entry("american", "en"),
            Map.entry("british", "en"),
            Map.entry("german", "de"),
            Map.entry("ngerman", "de"),
            Map.entry("allemand", "de"),
            Map.entry("spanish", "es"),
            Map.entry("espagnol", "es"),
            Map.entry("italian", "it"),
            Map.entry("italien", "it"),
            Map.entry("portuguese", "pt"),
            Map.entry("dutch", "nl"));

    private ReferenceRules() {}

    static ReferenceData normalise(ReferenceData d) {
        List<Author> authors = d.authors().stream()
                .map(a -> a.isOrganisation()
                        ? Author.organisation(strip(a.literal()))
                        : Author.person(strip(a.family()), blankToNull(a.given())))
                .filter(a -> a.isOrganisation()
                        ? !a.literal().isEmpty()
                        : !a.family().isEmpty())
                .toList();
        return new ReferenceData(
                d.kind(),
                authors,
                strip(d.title()),
                blankToNull(d.container()),
                blankToNull(d.publisher()),
                blankToNull(d.place()),
                d.year(),
                pages(d.pages()),
                blankToNull(d.url()),
                doi(d.doi()),
                isbn(d.isbn()),
                language(d.language()),
                blankToNull(d.note()));
    }

    /** What is wrong with a (normalised) reference; empty when it can be saved. */
    static List<ReferenceProblem> check(ReferenceData d) {
        List<ReferenceProblem> problems = new ArrayList<>();
        if (d.authors().size() > MAX_AUTHORS) {
            problems.add(ReferenceProblem.tooLong("authors", MAX_AUTHORS));
        }
        for (Author a : d.authors()) {
            if (length(a.family()) > 200 || length(a.given()) > 200 || length(a.literal()) > 300) {
                problems.add(ReferenceProblem.of("authors", "authorTooLong"));
                break;
            }
        }
        if (d.title().isEmpty()) {
            problems.add(ReferenceProblem.of("title", "titleRequired"));
        }
        limit(problems, "title", d.title(), 1000);
        limit(problems, "container", d.container(), 500);
        limit(problems, "publisher", d.publisher(), 300);
        limit(problems, "place", d.place(), 200);
        if (d.year() != null && (d.year() < 1 || d.year() > 9999)) {
            problems.add(ReferenceProblem.of("year", "year"));
        }
        limit(problems, "pages", d.pages(), 50);
        if (d.url() != null && !webAddress(d.url())) {
            problems.add(ReferenceProblem.of("url", "url"));
        }
        limit(problems, "url", d.url(), 1000);
        if (d.doi() != null && !DOI.matcher(d.doi()).matches()) {
            problems.add(ReferenceProblem.of("doi", "doi"));
        }
        limit(problems, "doi", d.doi(), 200);
        if (d.isbn() != null && !ISBN.matcher(d.isbn().replace("-", "")).matches()) {
            problems.add(ReferenceProblem.of("isbn", "isbn"));
        }
        limit(problems, "isbn", d.isbn(), 40);
        if (d.language() != null
                && (!LANGUAGE.matcher(d.language()).matches() || d.language().length() > 16)) {
            problems.add(ReferenceProblem.of("language", "language"));
        }
        limit(problems, "note", d.note(), 2000);
        return problems;
    }

    static boolean webAddress(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return uri.getHost() != null
                    && scheme != null
                    && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** "The language" as a BCP 47 code: a few language names become their code, codes are lower-cased. */
    static @Nullable String language(@Nullable String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        String named = LANGUAGE_NAMES.get(lower);
        if (named != null) {
            return named;
        }
        int dash = v.indexOf('-');
        return dash < 0 ? lower : lower.substring(0, dash) + v.substring(dash);
    }

    private static @Nullable String pages(@Nullable String value) {
        String v = blankToNull(value);
        return v == null ? null : PAGE_DASH.matcher(v).replaceAll("–");
    }

    private static @Nullable String doi(@Nullable String value) {
        String v = blankToNull(value);
        return v == null ? null : DOI_PREFIX.matcher(v).replaceFirst("");
    }

    private static @Nullable String isbn(@Nullable String value) {
        String v = blankToNull(value);
        return v == null
                ? null
                : v.replaceAll("(?i)^isbn(-1[03])?:?\\s*", "")
                        .replaceAll("\\s+", "-")
                        .toUpperCase(Locale.ROOT);
    }

    private static void limit(List<ReferenceProblem> problems, String field, @Nullable String value, int max) {
        if (length(value) > max) {
            problems.add(ReferenceProblem.tooLong(field, max));
        }
    }

    private static int length(@Nullable String value) {
        return value == null ? 0 : value.length();
    }

    private static String strip(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

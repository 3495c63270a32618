package org.parcours.library.bibliography;

import java.util.ArrayList;
import java.util.List;

/**
 * BibTeX name lists ({@code author = {Ostrom, Elinor and Jean de La Fontaine and {InsTerCoop}}}): names are joined
 * by "and" outside braces; "von Last, First", "von Last, Jr, First" and "First von Last" are people; a name wholly
 * in braces is an organisation, kept as written. "others" (et al.) is dropped.
 */
final class BibtexNames {

    private BibtexNames() {}

    static List<Author> parse(String field) {
        List<Author> authors = new ArrayList<>();
        for (String name : split(field.strip(), " and ")) {
            String n = name.strip();
            if (n.isEmpty() || n.equals("others")) {
                continue;
            }
            if (wholeGroup(n)) {
                authors.add(Author.organisation(LatexText.toUnicode(n.substring(1, n.length() - 1))));
                continue;
            }
            List<String> parts = split(n, ",");
            if (parts.size() == 1) {
                authors.add(firstVonLast(n));
            } else {
                String family = parts.get(0).strip();
                String given = parts.get(parts.size() - 1).strip();
                if (parts.size() > 2) {
                    family = family + " " + parts.get(1).strip(); // "King, Jr, Martin Luther"
                }
                authors.add(Author.person(LatexText.toUnicode(family), LatexText.toUnicode(given)));
            }
        }
        return authors;
    }

    /** "Jean de La Fontaine": the family name starts at the first lower-case word, else it is the last word. */
    private static Author firstVonLast(String name) {
        List<String> words = split(name, " ").stream()
                .map(String::strip)
                .filter(w -> !w.isEmpty())
                .toList();
        if (words.size() == 1) {
            return Author.person(LatexText.toUnicode(words.get(0)), null);
        }
        int family = words.size() - 1;
        for (int i = 1; i < words.size() - 1; i++) {
            String plain = LatexText.toUnicode(words.get(i));
            if (!plain.isEmpty() && Character.isLowerCase(plain.charAt(0))) {
                family = i;
                break;
            }
        }
        return Author.person(
                LatexText.toUnicode(String.join(" ", words.subList(family, words.size()))),
                LatexText.toUnicode(String.join(" ", words.subList(0, family))));
    }

    private static boolean wholeGroup(String n) {
        if (!n.startsWith("{") || !n.endsWith("}")) {
            return false;
        }
        int depth = 0;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0 && i < n.length() - 1) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Splits on {@code separator} (matched case-insensitively, white space as any run of it) outside braces. */
    static List<String> split(String text, String separator) {
        List<String> parts = new ArrayList<>();
        String normalised = text.replaceAll("\\s+", " ");
        int depth = 0;
        int start = 0;
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && normalised.regionMatches(true, i, separator, 0, separator.length())) {
                parts.add(normalised.substring(start, i));
                i += separator.length() - 1;
                start = i + 1;
            }
        }
        parts.add(normalised.substring(start));
        return parts;
    }
}

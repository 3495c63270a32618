package org.parcours.library.bibliography;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Citation keys for exports ("axelrod1984", "axelrod1984a"...): readable, ASCII, unique within one file. */
final class CitationKeys {

    private final Set<String> used = new HashSet<>();

    String next(ReferenceData data) {
        String name = data.authors().isEmpty()
                ? data.title()
                : data.authors().get(0).isOrganisation()
                        ? data.authors().get(0).literal()
                        : data.authors().get(0).family();
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        String word = ascii.replaceAll("[^a-z0-9 ]", "").strip().split(" ")[0];
        String base = (word.isEmpty() ? "ref" : word) + (data.year() == null ? "" : data.year());
        String key = base;
        for (int i = 0; !used.add(key); i++) {
            key = base + suffix(i);
        }
        return key;
    }

    private static String suffix(int i) {
        return i < 26 ? String.valueOf((char) ('a' + i)) : String.valueOf(i);
    }
}

package org.parcours.cycle.web;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs: lower-case ASCII words joined by hyphens, suggested from a title when the organiser leaves it blank. */
final class Slugs {

    static final int MAX = 120;

    /** A slug, or nothing (the form then derives one from the title). */
    static final String OPTIONAL = "(?:[a-z0-9]+(?:-[a-z0-9]+)*)?";

    private Slugs() {}

    /** "Coopérer : l’œuvre d’un groupe" → "cooperer-l-oeuvre-d-un-groupe". Empty if the title has no letter or digit. */
    static String fromTitle(String title) {
        String ascii = Normalizer.normalize(title.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace("œ", "oe")
                .replace("æ", "ae")
                .replace("ß", "ss");
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX) {
            slug = slug.substring(0, MAX).replaceAll("-+$", "");
        }
        return slug;
    }
}

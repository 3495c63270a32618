package org.parcours.library.qa;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the authors of a session's archived questions are shown, chosen by the organisers per session. Names are
 * stored as the source gave them, so the choice can change at any time. Labels: {@code qa.authorDisplay.<NAME>}.
 */
public enum AuthorDisplay {
    FULL_NAME,
    FIRST_NAME,
    INITIALS,
    ANONYMOUS;

    /** What sessions without a choice show: first names only. */
    public static final AuthorDisplay DEFAULT = FIRST_NAME;

    /**
     * The name as shown: "Yannick Le Goff" → "Yannick Le Goff", "Yannick", "Y. L. G."; empty for anonymous or an
     * unknown author (the page then says "a participant").
     */
    public String show(String name) {
        String n = name.strip();
        if (n.isEmpty()) {
            return "";
        }
        String[] words = n.split("\\s+");
        return switch (this) {
            case FULL_NAME -> n;
            case FIRST_NAME -> words[0];
            case INITIALS ->
                Arrays.stream(words)
                        .map(w -> w.substring(0, Character.charCount(w.codePointAt(0)))
                                        .toUpperCase(Locale.ROOT)
                                + ".")
                        .collect(Collectors.joining(" "));
            case ANONYMOUS -> "";
        };
    }

    /** The choice named {@code value}, or the default for anything else. */
    public static AuthorDisplay of(String value) {
        for (AuthorDisplay display : values()) {
            if (display.name().equals(value)) {
                return display;
            }
        }
        return DEFAULT;
    }
}

package org.parcours.account.web;

import org.jspecify.annotations.Nullable;

/**
 * Where to go after signing in, taken from a {@code continue} parameter: only a path on this site. Anything that a
 * browser could read as another site ({@code //evil.org}, {@code /\evil.org}, {@code https://evil.org}) or that
 * carries control characters is dropped, so sign-in can never be used as an open redirect.
 */
final class ContinuePath {

    static final String DEFAULT = "/me";
    private static final int MAX_LENGTH = 500;

    private ContinuePath() {}

    /** The path if it is safe, otherwise null. */
    static @Nullable String safe(@Nullable String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_LENGTH) {
            return null;
        }
        if (path.charAt(0) != '/' || path.startsWith("//") || path.startsWith("/\\")) {
            return null;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            // Printable ASCII only (browsers send anything else percent-encoded); no backslash, which browsers
            // read as a slash; no braces, which Spring's "redirect:" would take for URI template variables.
            if (c < 0x21 || c > 0x7e || c == '\\' || c == '{' || c == '}') {
                return null;
            }
        }
        return path;
    }

    static String orDefault(@Nullable String path) {
        String safe = safe(path);
        return safe == null ? DEFAULT : safe;
    }
}

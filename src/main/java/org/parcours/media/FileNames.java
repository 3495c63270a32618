package org.parcours.media;

import java.text.Normalizer;

/**
 * The name offered when a file is downloaded, made from the uploaded one: only its last path segment, no control
 * or quoting characters, at most 120 characters, and the extension of the type the content really is. It is never
 * used to build a path on disk.
 */
final class FileNames {

    private static final int MAX = 120;

    private FileNames() {}

    static String clean(String uploaded, String fallbackBase, String extension) {
        String name = uploaded == null ? "" : uploaded;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC)
                .replaceAll("[\\p{Cntrl}\\p{Cf}\"'`<>:*?|;%]", "")
                .replaceAll("[^\\p{L}\\p{N} ._()\\-\\[\\]]", "_")
                .strip();
        int dot = name.lastIndexOf('.');
        String base = (dot > 0 ? name.substring(0, dot) : name).replaceAll("^[. ]+|[. ]+$", "");
        if (base.isEmpty() || base.chars().allMatch(c -> c == '_')) {
            base = fallbackBase;
        }
        if (base.length() > MAX) {
            base = base.substring(0, MAX).strip();
        }
        return base + "." + extension;
    }
}

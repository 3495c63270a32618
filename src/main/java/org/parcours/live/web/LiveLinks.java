package org.parcours.live.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Splits posted text into plain parts and web links, so links can be shown as links (never embedded, never
 * previewed, {@code rel="nofollow ugc noopener noreferrer"}). Each part is escaped by the template.
 */
public final class LiveLinks {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+", Pattern.CASE_INSENSITIVE);

    private LiveLinks() {}

    /** A piece of text; {@code url} is set when the piece is a link. */
    public record Part(String text, @Nullable String url) {}

    public static List<Part> parts(String text) {
        List<Part> parts = new ArrayList<>();
        Matcher matcher = URL.matcher(text);
        int from = 0;
        while (matcher.find()) {
            String url = matcher.group();
            // trailing punctuation usually ends the sentence, not the link
            int end = matcher.end();
            while (url.length() > 8 && ".,;:!?)".indexOf(url.charAt(url.length() - 1)) >= 0) {
                url = url.substring(0, url.length() - 1);
                end--;
            }
            if (matcher.start() > from) {
                parts.add(new Part(text.substring(from, matcher.start()), null));
            }
            parts.add(new Part(url, url));
            from = end;
        }
        if (from < text.length()) {
            parts.add(new Part(text.substring(from), null));
        }
        return parts;
    }
}

package org.parcours.library.search;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;

/**
 * Text for {@link SearchDocument#text()}: what a reader sees of some Markdown, without its syntax or HTML tags.
 * For every source whose content is Markdown (descriptions, answers...).
 */
public final class PlainText {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().build();

    private PlainText() {}

    /** "A *path* in [steps](/x)" → "A path in steps"; paragraphs and list items are separated by spaces. */
    public static String fromMarkdown(String markdown) {
        if (markdown.isBlank()) {
            return "";
        }
        return Jsoup.parse(HTML.render(PARSER.parse(markdown))).text();
    }

    /** Non-blank parts joined by a line break (a title, a summary, a text...). */
    public static String join(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                text.append(text.isEmpty() ? "" : "\n").append(part.strip());
            }
        }
        return text.toString();
    }
}

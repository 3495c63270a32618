package org.parcours.mail;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The plain-text part of a mail, derived from its rendered HTML so both parts always say the same thing:
 * paragraphs and headings separated by blank lines, list items with "- ", links written out as
 * {@code text <url>} so they stay usable in a text-only mail program.
 */
final class HtmlToText {

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "ul",
            "ol",
            "table",
            "tr",
            "blockquote",
            "section",
            "header",
            "footer",
            "article",
            "address",
            "pre",
            "hr",
            "dl",
            "dd",
            "dt");
    private static final Set<String> SKIPPED = Set.of("head", "style", "script", "title", "template");

    private HtmlToText() {}

    static String convert(String html) {
        Element body = Jsoup.parse(html).body();
        Writer writer = new Writer();
        NodeTraversor.traverse(writer, body);
        return writer.result();
    }

    private static final class Writer implements NodeVisitor {
        private final StringBuilder out = new StringBuilder();
        private int skipDepth = -1;

        @Override
        public void head(Node node, int depth) {
            if (skipDepth >= 0) {
                return;
            }
            if (node instanceof TextNode text) {
                String value = text.text();
                if (!value.isBlank() || (!out.isEmpty() && !Character.isWhitespace(out.charAt(out.length() - 1)))) {
                    out.append(value);
                }
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            if (SKIPPED.contains(tag)) {
                skipDepth = depth;
            } else if (BLOCKS.contains(tag)) {
                paragraph();
            } else if ("li".equals(tag)) {
                newline();
                out.append("- ");
            } else if ("br".equals(tag)) {
                newline();
            } else if ("td".equals(tag) || "th".equals(tag)) {
                if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                    out.append("  ");
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (skipDepth >= 0) {
                if (depth == skipDepth) {
                    skipDepth = -1;
                }
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            if (BLOCKS.contains(tag)) {
                paragraph();
            } else if ("li".equals(tag)) {
                newline();
            } else if ("a".equals(tag)) {
                String href = element.attr("href").strip();
                String label = element.text().strip();
                if (!href.isEmpty() && !href.startsWith("#") && !href.equals(label)) {
                    out.append(" <")
                            .append(href.startsWith("mailto:") ? href.substring(7) : href)
                            .append('>');
                }
            }
        }

        private void newline() {
            trimTrailingSpaces();
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        private void paragraph() {
            newline();
            if (out.length() >= 2 && out.charAt(out.length() - 2) != '\n') {
                out.append('\n');
            }
        }

        private void trimTrailingSpaces() {
            int end = out.length();
            while (end > 0 && out.charAt(end - 1) == ' ') {
                end--;
            }
            out.setLength(end);
        }

        String result() {
            StringBuilder clean = new StringBuilder();
            for (String line : out.toString().split("\n", -1)) {
                clean.append(line.strip()).append('\n');
            }
            return clean.toString().replaceAll("\n{3,}", "\n\n").strip() + "\n";
        }
    }
}

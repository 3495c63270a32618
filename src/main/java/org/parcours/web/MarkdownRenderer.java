package org.parcours.web;

import java.util.List;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

/**
 * Renders organiser-written Markdown to HTML that is safe to embed: raw HTML in the source is escaped by
 * commonmark, and the output goes through an OWASP allow-list as a second line of defence (no scripts, no
 * styles, no event handlers, links get {@code rel="nofollow"}).
 */
@Component
public class MarkdownRenderer {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("pre", "code", "hr", "br", "del")
                    .allowAttributes("class")
                    .matching(false, "language-[a-z0-9-]+")
                    .onElements("code")
                    .toFactory());

    private final Parser parser =
            Parser.builder().extensions(List.of(AutolinkExtension.create())).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .extensions(List.of(AutolinkExtension.create()))
            .build();

    public String toSafeHtml(String markdown) {
        if (markdown.isBlank()) {
            return "";
        }
        return POLICY.sanitize(renderer.render(parser.parse(markdown)));
    }
}

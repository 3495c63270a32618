package org.parcours.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void rendersEmphasisListsAndLinks() {
        String html = renderer.toSafeHtml("Une *session* :\n\n- un\n- deux\n\n[lien](https://example.org)");

        assertThat(html).contains("<em>session</em>", "<li>un</li>", "href=\"https://example.org\"");
        assertThat(html).contains("rel=\"nofollow");
    }

    @Test
    void escapesRawHtmlAndScripts() {
        String html = renderer.toSafeHtml("Bonjour <script>alert('x')</script> <img src=x onerror=alert(1)>");

        assertThat(html).doesNotContain("<script", "<img", "onerror=alert(1)>");
        assertThat(html).contains("&lt;script&gt;");
    }

    @Test
    void dropsJavascriptUrls() {
        String html = renderer.toSafeHtml("[clic](javascript:alert(1))");

        assertThat(html).doesNotContain("javascript:");
    }

    @Test
    void blankSourceRendersNothing() {
        assertThat(renderer.toSafeHtml("  \n")).isEmpty();
    }
}

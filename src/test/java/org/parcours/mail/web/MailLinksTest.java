package org.parcours.mail.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailLinksTest {

    @Test
    void listsHttpLinksOnceAndSkipsOtherSchemes() {
        var links = MailLinks.of("<p><a href=\"https://x.test/login?t=1\">Se connecter</a>"
                + "<a href=\"javascript:alert(1)\">x</a><a href=\"mailto:a@x.test\">m</a>"
                + "<a href=\"https://x.test/login?t=1\">again</a><a href=\"http://x.test/\"></a></p>");

        assertThat(links)
                .containsExactly(
                        new MailLinks.Link("Se connecter", "https://x.test/login?t=1"),
                        new MailLinks.Link("http://x.test/", "http://x.test/"));
    }

    @Test
    void linksOpenInTheTopWindow() {
        assertThat(MailLinks.openLinksInTopWindow("<html><HEAD lang=\"fr\"><title>t</title></head></html>"))
                .isEqualTo("<html><HEAD lang=\"fr\"><base target=\"_top\"><title>t</title></head></html>");
        assertThat(MailLinks.openLinksInTopWindow("<p>x</p>")).isEqualTo("<base target=\"_top\"><p>x</p>");
    }
}

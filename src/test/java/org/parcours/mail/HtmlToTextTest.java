package org.parcours.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlToTextTest {

    @Test
    void paragraphsHeadingsAndLineBreaksBecomeLines() {
        String text = HtmlToText.convert("""
                <html><head><title>Ignored</title><style>p { color: red; }</style></head>
                <body><h1>Bonjour  Ada</h1>
                <p>Première   ligne<br>seconde ligne</p>
                <p>Fin.</p></body></html>""");

        assertThat(text).isEqualTo("Bonjour Ada\n\nPremière ligne\nseconde ligne\n\nFin.\n");
    }

    @Test
    void linksKeepTheirAddress() {
        String text = HtmlToText.convert("<p>Suivez <a href=\"https://x.test/login?t=abc&amp;u=1\">ce lien</a>"
                + " ou <a href=\"https://x.test/\">https://x.test/</a>."
                + " <a href=\"mailto:team@x.test\">Écrivez-nous</a></p>");

        assertThat(text)
                .isEqualTo("Suivez ce lien <https://x.test/login?t=abc&u=1> ou https://x.test/."
                        + " Écrivez-nous <team@x.test>\n");
    }

    @Test
    void listItemsGetDashes() {
        String text = HtmlToText.convert("<p>Sessions :</p><ul><li>Un</li><li>Deux <b>gras</b></li></ul><p>Après</p>");

        assertThat(text).isEqualTo("Sessions :\n\n- Un\n- Deux gras\n\nAprès\n");
    }

    @Test
    void entitiesAreDecodedNotEscaped() {
        String text = HtmlToText.convert("<p>Tom &amp; Jerry &lt;3 « l&#39;été »</p>");

        assertThat(text).isEqualTo("Tom & Jerry <3 « l'été »\n");
    }
}

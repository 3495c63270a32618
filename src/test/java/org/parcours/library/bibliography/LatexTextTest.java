package org.parcours.library.bibliography;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatexTextTest {

    @Test
    void accentsInEverySpellingBecomeComposedLetters() {
        assertThat(LatexText.toUnicode("Introduction {\\`a} la pens{\\'e}e complexe"))
                .isEqualTo("Introduction à la pensée complexe");
        assertThat(LatexText.toUnicode("M\\\"{u}ller, \\\"o, \\'{E}mile, \\^\\i le"))
                .isEqualTo("Müller, ö, Émile, île");
        assertThat(LatexText.toUnicode("Fa{\\c c}ons, \\c{C}a, gar\\c con")).isEqualTo("Façons, Ça, garçon");
        assertThat(LatexText.toUnicode("Les Liens qui lib\\'erent")).isEqualTo("Les Liens qui libérent");
        assertThat(LatexText.toUnicode("\\v{S}koda, \\H{o}, \\~{n}, \\k{a}")).isEqualTo("Škoda, ő, ñ, ą");
    }

    @Test
    void specialLettersEscapesDashesTiesAndQuotes() {
        assertThat(LatexText.toUnicode("{\\oe}uvre, \\oe uvre, \\ss{}e, \\o, \\AE"))
                .isEqualTo("œuvre, œuvre, ße, ø, Æ");
        assertThat(LatexText.toUnicode("50\\% \\& more \\_ \\$ \\#")).isEqualTo("50% & more _ $ #");
        assertThat(LatexText.toUnicode("12--34, 1984---1990, a-b")).isEqualTo("12–34, 1984—1990, a-b");
        assertThat(LatexText.toUnicode("p.~12")).isEqualTo("p.\u00A012");
        assertThat(LatexText.toUnicode("``quoted'' and L'entraide")).isEqualTo("“quoted” and L'entraide");
    }

    @Test
    void bracesFormattingAndWhiteSpaceAreDropped() {
        assertThat(LatexText.toUnicode("{The} \\emph{Evolution}  of\n   {{Cooperation}}"))
                .isEqualTo("The Evolution of Cooperation");
        assertThat(LatexText.toUnicode("\\textit{a} \\unknown{b} }c{")).isEqualTo("a b c");
        assertThat(LatexText.toUnicode("<script>x</script>")).isEqualTo("<script>x</script>");
        assertThat(LatexText.toUnicode("a_b")).isEqualTo("a_b");
    }
}

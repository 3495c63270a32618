package org.parcours.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a subtitle cue becomes searchable text. */
class SubtitleSearchSourceTest {

    @Test
    void cueMarkupAndCharacterReferencesAreRemoved() {
        assertThat(SubtitleSearchSource.plain(
                        "<v Intervenante>Coopérer <i>demande</i>\ndu temps &amp; de l&apos;écoute"))
                .isEqualTo("Coopérer demande du temps & de l'écoute");
        assertThat(SubtitleSearchSource.plain("<c.loud>Oui</c> <00:00:01.500>non &lt;b&gt;"))
                .isEqualTo("Oui non <b>");
    }

    @Test
    void aTitleOpensWithTheFirstWordsCutBetweenWords() {
        assertThat(SubtitleSearchSource.opening("Court.")).isEqualTo("Court.");
        String long_ = "Coopérer demande du temps : celui de se connaître, puis celui de faire ensemble, longtemps.";
        String opening = SubtitleSearchSource.opening(long_);
        assertThat(opening).endsWith(" …").hasSizeLessThanOrEqualTo(SubtitleSearchSource.TITLE_CHARACTERS + 2);
        assertThat(long_).startsWith(opening.substring(0, opening.length() - 2));
    }
}

package org.parcours.library.bibliography;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** citeproc-java with the bundled ISO 690 author-date styles, and what Parcours keeps of its HTML. */
class CitationsTest {

    private final Citations citations = new Citations();
    private final List<ReferenceData> sample = ReferenceFiles.read(Samples.bytes("cooperation.bib"), "cooperation.bib")
            .data();

    @Test
    void iso690AuthorDateInFrenchAndEnglish() {
        Citation axelrod = citations.format(sample.get(0), Locale.FRENCH);
        assertThat(axelrod.text())
                .isEqualTo(
                        "AXELROD, Robert, 1984. The Evolution of Cooperation. New York : Basic Books. ISBN 0-465-02121-2.");
        assertThat(axelrod.html())
                .contains("<i>The Evolution of Cooperation</i>")
                .doesNotContain("style", "<div", "<span");

        Citation servigne = citations.format(sample.get(3), Locale.ENGLISH);
        assertThat(servigne.text()).startsWith("SERVIGNE, Pablo and CHAPELLE, Gauthier, 2017.");
        assertThat(citations.format(sample.get(3), Locale.FRENCH).text())
                .startsWith("SERVIGNE, Pablo et CHAPELLE, Gauthier, 2017.");
    }

    @Test
    void textIsEscapedAndLinksGetRel() {
        ReferenceData data = new ReferenceData(
                ReferenceKind.ARTICLE,
                List.of(Author.organisation("<b>Org</b>")),
                "<script>alert(1)</script> & co",
                "Revue",
                null,
                null,
                2001,
                null,
                null,
                "10.1000/xyz",
                null,
                null,
                null);

        String html = citations.format(data, Locale.FRENCH).html();

        assertThat(html).doesNotContain("<script>", "<b>Org").contains("&lt;script&gt;", "&amp; co");
        assertThat(html).contains("<a href=\"https://doi.org/10.1000/xyz\" rel=\"noopener noreferrer\">");
    }

    @Test
    void theSameReferenceIsFormattedOnce() {
        assertThat(citations.format(sample.get(1), Locale.FRENCH))
                .isSameAs(citations.format(sample.get(1), Locale.FRENCH));
    }
}

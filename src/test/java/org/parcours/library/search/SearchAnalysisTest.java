package org.parcours.library.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The French and English analysis chains: what a word becomes in the index and in a query. */
class SearchAnalysisTest {

    final SearchAnalysis analysis = new SearchAnalysis();

    List<String> fr(String text) {
        return analysis.terms("fr", text, 100);
    }

    List<String> en(String text) {
        return analysis.terms("en", text, 100);
    }

    @Nested
    class French {

        @ParameterizedTest(name = "{0} and {1} give the same term")
        @CsvSource({
            "coopération, cooperation",
            "Coopérations, cooperation",
            "résilience, resilience",
            "résiliences, RESILIENCE",
            "sociales, social",
            "sociaux, sociale",
            "chevaux, cheval",
            "économie, economies",
            "communautés, communaute",
            "œuvre, oeuvre",
            "questions, question"
        })
        void foldsAccentsAndStemsPluralsAndFeminines(String written, String typed) {
            assertThat(fr(written)).hasSize(1).isEqualTo(fr(typed));
        }

        @Test
        void removesElidedArticlesWithStraightOrTypographicApostrophes() {
            assertThat(fr("l'équipe")).isEqualTo(fr("équipe"));
            assertThat(fr("l’économie d’abord qu’ensemble")).isEqualTo(fr("économie abord ensemble"));
        }

        @Test
        void dropsSmallWordsOfBothLanguagesWithOrWithoutAccents() {
            assertThat(fr("le la les des et à étaient etaient the of and")).isEmpty();
        }

        @Test
        void doesNotConflateCooperationWithCopy() {
            // Lucene's light French stemmer reduces both to "cop"; the minimal one keeps them apart.
            assertThat(fr("coopération")).doesNotContainAnyElementsOf(fr("copie"));
        }
    }

    @Nested
    class English {

        @ParameterizedTest(name = "{0} and {1} give the same term")
        @CsvSource({
            "resilience, resiliences",
            "résilience, resilience",
            "cooperation, Coopération",
            "organisations, organisation",
            "questions, question",
            "community's, community"
        })
        void foldsAccentsStemsLightlyAndDropsPossessives(String written, String typed) {
            assertThat(en(written)).hasSize(1).isEqualTo(en(typed));
        }

        @Test
        void dropsSmallWordsOfBothLanguages() {
            assertThat(en("the of and a le la les")).isEmpty();
        }
    }

    @Test
    void anyLanguageButFrenchIsAnalysedAsEnglish() {
        assertThat(SearchAnalysis.language("fr")).isEqualTo("fr");
        assertThat(SearchAnalysis.language("fr-CA")).isEqualTo("fr");
        assertThat(SearchAnalysis.language("FR")).isEqualTo("fr");
        assertThat(SearchAnalysis.language("en")).isEqualTo("en");
        assertThat(SearchAnalysis.language("de")).isEqualTo("en");
        assertThat(SearchAnalysis.language("")).isEqualTo("en");
    }

    @Test
    void termsAreDistinctAndBounded() {
        assertThat(fr("coopération coopérations cooperation")).containsExactly("cooperation");
        assertThat(analysis.terms("en", "one two three four five six", 3)).containsExactly("one", "two", "three");
    }
}

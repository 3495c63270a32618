package org.parcours.library.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Optional;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Visitor input becomes words to find, never query syntax. */
class SearchQueriesTest {

    final SearchQueries queries = new SearchQueries(new SearchAnalysis());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "C++ (AND) OR \"x",
                "foo AND",
                "OR",
                "NOT NOT NOT",
                "title:secret",
                "*",
                "?",
                "a*b?c~2^3",
                "\"unbalanced",
                "(((((",
                "[1 TO 5]",
                "{x TO y}",
                "\\",
                "/regex/",
                "&& || !",
                "-",
                "+",
                "text_fr:cooperation",
                "<script>alert(1)</script>",
                "%00\u0000\u0007",
                "😀🎉",
                "\uD83D", // a lone surrogate
                "ŝ̷̡̛t̸r̵a̴n̷g̸e̵"
            })
    void nastyInputNeverFails(String typed) {
        assertThatCode(() -> queries.build(typed)).doesNotThrowAnyException();
    }

    @Test
    void syntaxCharactersAreNotOperators() {
        Query query = queries.build("title:secret AND cooperation*").orElseThrow();
        // "title:secret" is one word (the tokenizer keeps a colon between letters), never a field name; "AND" is a
        // small word; "*" is punctuation
        assertThat(query.toString())
                .contains("text_fr:title:secret")
                .contains("text_fr:cooperation")
                .doesNotContain("text_fr:and")
                .doesNotContain("*");
        assertThat(queries.build("foo AND").orElseThrow().toString()).contains("text_en:foo");
    }

    @Test
    void everyWordIsRequiredInTheTitleOrTheTextOfOneLanguage() {
        String query = queries.build("résilience coopération").orElseThrow().toString();
        assertThat(query)
                .contains("+((title_fr:resilienc)^2.0 text_fr:resilienc)")
                .contains("+((title_fr:cooperation)^2.0 text_fr:cooperation)")
                .contains("+((title_en:resilience)^2.0 text_en:resilience)");
    }

    @Test
    void inputWithoutWordsGivesNoQuery() {
        assertThat(queries.build("")).isEmpty();
        assertThat(queries.build("   \t\n ")).isEmpty();
        assertThat(queries.build("!!! ??? ((( )))")).isEmpty();
        assertThat(queries.build("le la les the of")).isEmpty();
    }

    @Test
    void cleaningCollapsesSpacesAndCutsLongInput() {
        assertThat(SearchQueries.clean("  a \t b\n\u00a0c ")).isEqualTo("a b c");
        assertThat(SearchQueries.clean("x".repeat(500))).hasSize(SearchQueries.MAX_LENGTH);
        String emoji = "a".repeat(SearchQueries.MAX_LENGTH - 1) + "😀";
        assertThat(SearchQueries.clean(emoji)).isEqualTo("a".repeat(SearchQueries.MAX_LENGTH - 1));
    }

    @Test
    void veryManyWordsAreBounded() {
        Optional<Query> query =
                queries.build("mot ".repeat(1000) + String.join(" ", java.util.Collections.nCopies(300, "word")));
        assertThat(query).isPresent();
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            many.append("w").append(i).append(' ');
        }
        String built = queries.build(many.toString()).orElseThrow().toString();
        assertThat(built).contains("text_en:w0").doesNotContain("text_en:w" + SearchQueries.MAX_TERMS + ")");
    }
}

package org.parcours.library.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lucene index on its own, in a temporary directory, fed by a fake source. */
class SearchIndexTest {

    @TempDir
    Path directory;

    SearchIndex index;
    final FakeSource questions = new FakeSource("questions");

    @BeforeEach
    void open() throws IOException {
        index = SearchIndex.open(directory);
    }

    @AfterEach
    void close() throws IOException {
        if (index != null) {
            index.close();
        }
    }

    void feed(FakeSource source, long cycleId) throws IOException {
        index.replace(source.name(), cycleId, source.documents(cycleId));
        index.commit(false);
    }

    SearchResults search(String text) throws IOException {
        return index.search(text, null, 1, 10);
    }

    @Test
    void findsAFrenchDocumentWithAnEnglishOrAccentlessWordAndHighlightsIt() throws IOException {
        questions.add(
                1, "fr", "question", "La coopération en actes", "Comment la coopération naît-elle dans une équipe ?");
        feed(questions, 1);

        SearchResults results = search("cooperation");

        assertThat(results.total()).isEqualTo(1);
        SearchHit hit = results.hits().getFirst();
        assertThat(hit.kind()).isEqualTo("question");
        assertThat(hit.language()).isEqualTo("fr");
        assertThat(hit.url()).isEqualTo("/cycles/c1/sessions/s#questions-1");
        assertThat(hit.context()).isEqualTo("Cycle 1");
        assertThat(hit.titleHtml()).isEqualTo("La <mark>coopération</mark> en actes");
        assertThat(hit.snippetHtml()).contains("<mark>coopération</mark>");
    }

    @Test
    void pluralsSingularsAndBothLanguagesMatch() throws IOException {
        questions.add(1, "fr", "question", "Résiliences", "Des territoires résilients et des communautés.");
        questions.add(1, "en", "question", "Resilience", "How communities cope.");
        feed(questions, 1);

        assertThat(search("résilience").total()).isEqualTo(2);
        assertThat(search("resiliences").total()).isEqualTo(2);
        assertThat(search("communauté").hits()).extracting(SearchHit::language).containsExactly("fr");
        assertThat(search("community").hits()).extracting(SearchHit::language).containsExactly("en");
        assertThat(search("nothing-like-this").total()).isZero();
    }

    @Test
    void everyWordMustBeThere() throws IOException {
        questions.add(1, "fr", "question", "Coopérer", "La coopération et la confiance.");
        questions.add(1, "fr", "question", "Décider", "La coopération sans la sociocratie.");
        feed(questions, 1);

        assertThat(search("coopération confiance").total()).isEqualTo(1);
        assertThat(search("la coopération").total()).isEqualTo(2);
    }

    @Test
    void theTextIsEscapedAndOnlyTheMarksAreMarkup() throws IOException {
        questions.add(
                1,
                "en",
                "question",
                "<b>Bold</b> & \"quoted\" resilience",
                "<script>alert('x')</script> resilience <img src=x onerror=alert(1)>");
        feed(questions, 1);

        SearchHit hit = search("resilience").hits().getFirst();

        assertThat(hit.titleHtml()).doesNotContain("<b>").contains("&lt;b&gt;").contains("&amp;");
        assertThat(hit.snippetHtml())
                .doesNotContain("<script>")
                .doesNotContain("<img")
                .contains("&lt;script&gt;")
                .contains("<mark>resilience</mark>");
        assertThat(hit.snippetHtml().replace("<mark>", "").replace("</mark>", ""))
                .doesNotContain("<", ">");
    }

    @Test
    void replacingACyclesDocumentsDropsTheOldOnesAndLeavesOtherCyclesAlone() throws IOException {
        questions.add(1, "fr", "question", "Première", "La sobriété heureuse.");
        questions.add(2, "fr", "question", "Autre cycle", "La sobriété choisie.");
        feed(questions, 1);
        feed(questions, 2);
        assertThat(search("sobriété").total()).isEqualTo(2);

        questions.clear(1);
        questions.add(1, "fr", "question", "Première, revue", "La frugalité heureuse.");
        feed(questions, 1);

        assertThat(search("sobriété").hits()).extracting(SearchHit::context).containsExactly("Cycle 2");
        assertThat(search("frugalité").hits()).extracting(SearchHit::context).containsExactly("Cycle 1");

        index.replace("questions", 2, List.of()); // the cycle was unpublished
        index.commit(false);
        assertThat(search("sobriété").total()).isZero();
    }

    @Test
    void filtersByKindAndCountsEachKind() throws IOException {
        questions.add(1, "fr", "question", "Q", "Le commun.");
        questions.add(1, "fr", "question", "Q2", "Les communs.");
        questions.add(1, "fr", "reference", "R", "Les communs, un livre.");
        feed(questions, 1);

        SearchResults all = search("communs");
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.kinds())
                .containsExactly(
                        new SearchResults.KindCount("question", 2), new SearchResults.KindCount("reference", 1));

        SearchResults references = index.search("communs", "reference", 1, 10);
        assertThat(references.total()).isEqualTo(1);
        assertThat(references.kind()).isEqualTo("reference");
        assertThat(index.search("communs", "no-such-kind", 1, 10).total()).isZero();
    }

    @Test
    void pagesThroughManyResults() throws IOException {
        for (int i = 0; i < 25; i++) {
            questions.add(1, "en", "question", "Question " + i, "About trust, number " + i);
        }
        feed(questions, 1);

        SearchResults first = index.search("trust", null, 1, 10);
        SearchResults third = index.search("trust", null, 3, 10);
        SearchResults beyond = index.search("trust", null, 4, 10);

        assertThat(first.total()).isEqualTo(25);
        assertThat(first.hits()).hasSize(10);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.hasPrevious()).isFalse();
        assertThat(third.hits()).hasSize(5);
        assertThat(third.first()).isEqualTo(21);
        assertThat(third.hasNext()).isFalse();
        assertThat(beyond.hits()).isEmpty();
        assertThat(beyond.total()).isEqualTo(25);
        assertThat(index.search("trust", null, 1_000_000, 10).page()).isEqualTo(SearchPages.MAX_PAGE);
    }

    @Test
    void aQueryWithoutWordsIsNotSearched() throws IOException {
        SearchResults results = search(" ((( AND ))) ");
        assertThat(results.searchable()).isFalse();
        assertThat(results.hits()).isEmpty();
    }

    @Test
    void onlyLocalPathsAreLinked() throws IOException {
        questions.addRaw(new SearchDocument(
                "q:x", "questions", 1, "question", "en", "Evil", "javascript link", "javascript:alert(1)", ""));
        questions.addRaw(new SearchDocument(
                "q:y", "questions", 1, "question", "en", "Evil", "protocol relative link", "//evil.example/", ""));
        feed(questions, 1);

        assertThat(search("link").hits()).extracting(SearchHit::url).containsOnly("/");
    }

    @Test
    void retainOnlyDropsCyclesAndSourcesThatAreGone() throws IOException {
        FakeSource other = new FakeSource("gone");
        questions.add(1, "fr", "question", "Un", "Le bien commun.");
        questions.add(2, "fr", "question", "Deux", "Le bien commun.");
        other.add(1, "fr", "question", "Trois", "Le bien commun.");
        feed(questions, 1);
        feed(questions, 2);
        feed(other, 1);
        assertThat(search("bien commun").total()).isEqualTo(3);

        index.retainOnly(Set.of(1L), Set.of("questions"));
        index.commit(true);

        assertThat(search("bien commun").hits())
                .extracting(SearchHit::titleHtml)
                .containsExactly("Un");
    }

    @Test
    void aNewIndexNeedsARebuildUntilOneCompletes() throws IOException {
        assertThat(index.rebuildNeeded()).isTrue();
        questions.add(1, "fr", "question", "Gardée", "La mémoire du cycle.");
        feed(questions, 1);
        index.close();

        index = SearchIndex.open(directory);
        assertThat(index.rebuildNeeded()).as("the rebuild never completed").isTrue();
        assertThat(index.documentCount()).isZero();
        feed(questions, 1);
        index.commit(true);
        index.close();

        index = SearchIndex.open(directory);
        assertThat(index.rebuildNeeded()).isFalse();
        assertThat(search("mémoire").total()).isEqualTo(1);
    }

    @Test
    void anUnreadableIndexIsRecreatedEmpty() throws IOException {
        questions.add(1, "fr", "question", "Gardée", "La mémoire du cycle.");
        feed(questions, 1);
        index.commit(true);
        index.close();
        index = null;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments"))
                    .toList()) {
                Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            }
        }

        index = SearchIndex.open(directory);

        assertThat(index.rebuildNeeded()).isTrue();
        assertThat(index.documentCount()).isZero();
        feed(questions, 1);
        assertThat(search("mémoire").total()).isEqualTo(1);
    }

    @Test
    void aDirectoryInUseByAnotherIndexIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> SearchIndex.open(directory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("parcours.search.directory");
    }

    /** A source holding documents in memory, by cycle. */
    static final class FakeSource implements SearchSource {

        private final String name;
        private final Map<Long, List<SearchDocument>> byCycle = new HashMap<>();
        private int next;

        FakeSource(String name) {
            this.name = name;
        }

        void add(long cycleId, String language, String kind, String title, String text) {
            int n = ++next;
            addRaw(new SearchDocument(
                    name + ":" + n,
                    name,
                    cycleId,
                    kind,
                    language,
                    title,
                    text,
                    "/cycles/c" + cycleId + "/sessions/s#" + name + "-" + n,
                    "Cycle " + cycleId));
        }

        void addRaw(SearchDocument document) {
            byCycle.computeIfAbsent(document.cycleId(), c -> new ArrayList<>()).add(document);
        }

        void clear(long cycleId) {
            byCycle.remove(cycleId);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<SearchDocument> documents(long cycleId) {
            return List.copyOf(byCycle.getOrDefault(cycleId, List.of()));
        }
    }
}

package org.parcours.library.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.CycleService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The "done means" on the demo content: searching the accent-less word "resilience" finds the questions and
 * the references of session 1 of the 2020 cycle, each linking to its place on the session page. Only a present demo
 * is checked (a shared database that was not empty at start has none).
 */
@SpringBootTest
class KnowledgeDemoIT {

    private static final String SESSION_ONE = "/cycles/cooperation-2020/sessions/cooperation-levier-de-resilience";

    @Autowired
    SearchService search;

    @Autowired
    CycleService cycles;

    @Test
    void resilienceFindsTheQuestionsAndReferencesOfSessionOne() {
        if (cycles.cycle("cooperation-2020").isEmpty()) {
            return;
        }
        search.awaitIndexing();

        List<SearchHit> hits = search.search("resilience", null, 1).hits();

        assertThat(hits)
                .filteredOn(hit -> hit.kind().equals("question"))
                .extracting(SearchHit::url)
                .anyMatch(url -> url.startsWith(SESSION_ONE + "#question-"));
        assertThat(hits)
                .filteredOn(hit -> hit.kind().equals("reference"))
                .extracting(SearchHit::url)
                .anyMatch(url -> url.startsWith(SESSION_ONE + "#reference-"));
        assertThat(hits)
                .allSatisfy(
                        hit -> assertThat(hit.titleHtml() + hit.snippetHtml()).containsIgnoringCase("<mark>r"));
    }
}

package org.parcours.library.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleFiles;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.parcours.library.search.SearchDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;

/**
 * Session 1 of the demo cycle carries a published Q&A imported from the Zoom cloud-recording sample through the real
 * importer, with themes and first answers, and its résilience question is offered to search. In a shared database
 * where the demo was not loaded at start, the demo cycle is imported first, as a first start would.
 */
@SpringBootTest
class QaDemoIT {

    @Autowired
    QaDemo demo;

    @Autowired
    CycleService cycles;

    @Autowired
    CycleFiles files;

    @Autowired
    QaArchive archive;

    @Autowired
    QaSearchSource search;

    @Test
    void sessionOneOfTheDemoCycleHasAPublishedQaWithAnsweredQuestionsOnResilience() throws IOException {
        if (cycles.cycle("cooperation-2020").isEmpty()) {
            try (InputStream in = new ClassPathResource("demo/cooperation-2020.yaml").getInputStream()) {
                files.importFile(in.readAllBytes());
            }
        }
        demo.publishIfMissing();
        demo.publishIfMissing(); // a second start adds nothing

        Cycle cycle = cycles.cycle("cooperation-2020").orElseThrow();
        Session first =
                cycles.session(cycle.id(), "cooperation-levier-de-resilience").orElseThrow();
        SessionQuestions questions = archive.sessionQuestions(first.id());
        assertThat(questions.count()).isEqualTo(4);
        assertThat(questions.authorDisplay()).isEqualTo(AuthorDisplay.FIRST_NAME);
        assertThat(questions.groups())
                .extracting(SessionQuestions.ThemeGroup::theme)
                .containsExactly("Organisation", "Définitions", "Résilience");
        ArchivedQuestion resilience = questions.groups().get(2).questions().getFirst();
        assertThat(resilience.text()).startsWith("Comment mesure-t-on la résilience");
        assertThat(resilience.status()).isEqualTo(AnswerStatus.ANSWERED_IN_WRITING);
        assertThat(resilience.answer()).contains("densité des liens");
        assertThat(resilience.offsetSeconds()).isEqualTo(22 * 60 + 48);
        ArchivedQuestion karim = questions.groups().get(1).questions().getFirst();
        assertThat(karim.votes()).as("Claire's +1").isEqualTo(1);

        List<SearchDocument> documents = search.documents(cycle.id());
        assertThat(documents)
                .filteredOn(d -> d.text().contains("résilience"))
                .extracting(SearchDocument::url)
                .contains("/cycles/cooperation-2020/sessions/cooperation-levier-de-resilience#question-"
                        + resilience.id());
        assertThat(documents).allSatisfy(d -> {
            assertThat(d.source()).isEqualTo("qa");
            assertThat(d.language()).isEqualTo("fr");
            assertThat(d.text()).doesNotContain("**");
        });
    }
}

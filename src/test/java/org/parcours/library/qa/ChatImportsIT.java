package org.parcours.library.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleFixtures;
import org.parcours.cycle.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The life of a staged import: private to its owner, published once, forgotten ones deleted after a day. */
@SpringBootTest
@Import({CycleFixtures.class, QaFixtures.class})
class ChatImportsIT {

    static final String OWNER = "owner-" + CycleFixtures.unique("o") + "@example.org";

    @Autowired
    CycleFixtures cycles;

    @Autowired
    QaFixtures qa;

    @Autowired
    ChatImports imports;

    @Autowired
    ChatReview review;

    @Autowired
    QaArchive archive;

    @Autowired
    JdbcClient jdbc;

    Session session;

    @BeforeEach
    void aSession() {
        Cycle cycle = cycles.publishedCycle("Imports " + CycleFixtures.unique("c"));
        session = cycles.session(cycle, 1, "Séance", OffsetDateTime.parse("2020-04-02T08:00:00Z"), 60);
    }

    @Test
    void anImportIsPublishedOnceAndThenGone() {
        String id =
                imports.stageFile(session, OWNER, "C:\\Users\\me\\chat.txt", ChatSamples.bytes("zoom-local-save.txt"));
        ImportSummary summary = imports.summary(id, OWNER).orElseThrow();
        assertThat(summary.fileName()).isEqualTo("chat.txt");
        assertThat(summary.messages()).isEqualTo(11);
        assertThat(summary.questions()).isEqualTo(4);
        assertThat(imports.summary(id, "someone-else")).isEmpty();
        assertThat(imports.pending(session.id(), OWNER))
                .extracting(ImportSummary::id)
                .containsExactly(id);

        ReviewRows page = review.rows(summary, false, 1);
        assertThat(page.rows()).hasSize(11);
        assertThat(page.mergedInto(4)).isEqualTo(1);

        var publication = new ChatImports.Publication(AuthorDisplay.ANONYMOUS, "Thème", false);
        assertThat(imports.publish(id, OWNER, publication)).isEqualTo(4);
        assertThatThrownBy(() -> imports.publish(id, OWNER, publication))
                .isInstanceOf(ChatRejected.class)
                .extracting(e -> ((ChatRejected) e).messageKey())
                .isEqualTo("qa.review.gone");
        assertThat(qa.questions(session.id())).isEqualTo(4);
        assertThat(archive.sessionQuestions(session.id()))
                .as("published unticked: not public")
                .isEqualTo(SessionQuestions.NONE);
        assertThat(archive.authorDisplay(session.id())).isEqualTo(AuthorDisplay.ANONYMOUS);
    }

    @Test
    void importsLeftForADayAreDeletedAndOthersKept() {
        String old = imports.stageFile(session, OWNER, "old.txt", ChatSamples.bytes("zoom-cloud-recording.txt"));
        String recent = imports.stageFile(session, OWNER, "new.txt", ChatSamples.bytes("zoom-cloud-recording.txt"));
        jdbc.sql("update library_chat_import set created_at = :t where id = :id")
                .param("t", OffsetDateTime.now().minusHours(25))
                .param("id", old)
                .update();

        imports.deleteForgotten();

        assertThat(imports.summary(old, OWNER)).isEmpty();
        assertThat(imports.summary(recent, OWNER)).isPresent();
        assertThat(qa.stagedMessages(session.id())).isEqualTo(8);
        assertThat(imports.discard(recent, OWNER)).isTrue();
        assertThat(imports.discard(recent, OWNER)).isFalse();
        assertThat(qa.imports(session.id())).isZero();
    }

    @Test
    void aReviewPageIsAHundredRowsAndMergingIntoThePreviousQuestionFollowsTicks() {
        StringBuilder chat = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            chat.append("00:%02d:%02d\tAna:\tMessage %d%s%n".formatted(i / 60, i % 60, i, i % 10 == 0 ? " ?" : ""));
        }
        String id = imports.stageFile(session, OWNER, "c.txt", chat.toString().getBytes());
        ImportSummary summary = imports.summary(id, OWNER).orElseThrow();
        assertThat(review.rows(summary, false, 3).rows()).hasSize(50);
        assertThat(review.rows(summary, false, 99).page()).isEqualTo(3);
        assertThat(review.rows(summary, true, 1).total()).isEqualTo(25);

        review.save(summary, List.of(), 15);
        assertThat(review.rows(summary, false, 1).rows().get(14).mergedInto()).isEqualTo(11);
        assertThatThrownBy(() -> review.save(summary, List.of(), 1))
                .isInstanceOf(ReviewRejected.class)
                .satisfies(e -> assertThat(((ReviewRejected) e).problems())
                        .extracting(ReviewProblem::key)
                        .containsExactly("qa.review.error.noPrevious"));
    }
}

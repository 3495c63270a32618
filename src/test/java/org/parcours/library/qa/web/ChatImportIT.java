package org.parcours.library.qa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.Session;
import org.parcours.library.qa.AnswerStatus;
import org.parcours.library.qa.ArchivedQuestion;
import org.parcours.library.qa.ChatSamples;
import org.parcours.library.search.SearchContentChanged;
import org.parcours.library.search.SearchDocument;
import org.parcours.live.Participant;
import org.parcours.live.QuestionStatus;
import org.parcours.live.QuestionView;
import org.parcours.media.MediaSamples;

/**
 * The chat import journey through the admin pages: upload the Zoom sample, review every message, untick, edit,
 * merge, publish, and the visitor sees the questions on the session page; then the organiser answers and
 * unpublishes; the YouTube sample and the live room's own questions take the same way. Refusals are in
 * {@link ChatImportRefusalsIT}.
 */
class ChatImportIT extends ChatImportTestSupport {

    @Test
    void uploadReviewSelectMergeEditPublishAndTheVisitorSeesTheQuestions() throws Exception {
        uploads.attachVideo(
                session.id(), new ByteArrayInputStream(MediaSamples.bytes("replay-sample.mp4")), "replay.mp4");
        String review = importFrom(upload("meeting_saved_chat.txt", ChatSamples.bytes("zoom-local-save.txt")));
        assertThat(qa.questions(session.id()))
                .as("nothing in the archive before publishing")
                .isZero();

        Document questions = html(perform(get(review)).andExpect(status().isOk()));
        assertThat(questions.select("table.qa-review-table tbody tr")).hasSize(4);
        assertThat(questions.select("input[name=q][checked]").eachAttr("value")).containsExactly("3", "4", "7", "9");
        assertThat(questions.select(".facts").text()).contains("Zoom, discussion enregistrée depuis l’application");

        Document all = html(perform(get(review).param("show", "all")).andExpect(status().isOk()));
        assertThat(all.select("table.qa-review-table tbody tr")).hasSize(11);
        assertThat(all.select("#f-merge-5").val())
                .as("+1 merged into Karim's question")
                .isEqualTo("4");
        assertThat(all.select("#row-4 .badge").text()).contains("+1");
        assertThat(all.select("#row-3 .qa-clock").text()).contains("10:04:05").contains("4:05");

        // untick Yannick's remark, shorten Sophie's question, theme Élodie's, then merge Thomas's reference into it
        perform(resubmit(
                        review,
                        all,
                        "q-",
                        "9",
                        "text-3",
                        "Le support sera-t-il disponible après la session ?",
                        "theme-7",
                        "Résilience"))
                .andExpect(status().is3xxRedirection());
        Document saved = html(perform(get(review).param("show", "all")).andExpect(status().isOk()));
        perform(resubmit(review, saved, "mergePrevious", "8")).andExpect(status().is3xxRedirection());
        Document merged = html(perform(get(review).param("show", "all")).andExpect(status().isOk()));
        assertThat(merged.select("#f-merge-8").val()).isEqualTo("7");
        assertThat(merged.select("#f-q-9").hasAttr("checked")).isFalse();

        perform(resubmit(
                        review,
                        merged,
                        "action",
                        "publish",
                        "authorDisplay",
                        "FIRST_NAME",
                        "theme",
                        "Organisation",
                        "published",
                        "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(qa.imports(session.id())).as("the staging is gone").isZero();

        List<ArchivedQuestion> published = archive.questions(session.id());
        assertThat(published)
                .extracting(
                        ArchivedQuestion::text,
                        ArchivedQuestion::theme,
                        ArchivedQuestion::votes,
                        ArchivedQuestion::offsetSeconds,
                        ArchivedQuestion::authorName)
                .containsExactly(
                        tuple(
                                "Le support sera-t-il disponible après la session ?",
                                "Organisation",
                                null,
                                245,
                                "Sophie Bernard"),
                        tuple(
                                "Quelle différence faites-vous entre coopération et collaboration ?",
                                "Organisation",
                                1,
                                591,
                                "Karim Haddad"),
                        tuple(
                                "Comment mesure-t-on la résilience d'un territoire ? Y a-t-il des indicateurs ?",
                                "Résilience",
                                1,
                                1368,
                                "Élodie Roux"));
        assertThat(events.stream(SearchContentChanged.class)).contains(new SearchContentChanged("qa", cycle.id()));

        Document page = publicPage();
        var section = page.select("section.qa");
        assertThat(section.select("h3.qa-theme").eachText()).containsExactly("Organisation", "Résilience");
        ArchivedQuestion elodie = published.get(2);
        var item = section.select("li#question-" + elodie.id());
        assertThat(item.select(".qa-text").text()).startsWith("Comment mesure-t-on la résilience");
        assertThat(item.select(".qa-author").text()).isEqualTo("Élodie");
        assertThat(section.text()).doesNotContain("Roux").doesNotContain("Bernard");
        assertThat(item.select("a.qa-permalink").attr("href")).isEqualTo("#question-" + elodie.id());
        var time = item.select("a.qa-time");
        assertThat(time.attr("data-seek")).isEqualTo("1368");
        assertThat(time.attr("href")).startsWith("/media/").endsWith("#t=1368");
        assertThat(time.text()).isEqualTo("à 22:48 dans l’enregistrement");
        assertThat(item.select(".qa-votes").text()).isEqualTo("1 vote");

        List<SearchDocument> documents = search.documents(cycle.id());
        assertThat(documents).hasSize(3);
        SearchDocument resilience = documents.stream()
                .filter(d -> d.key().equals("question:" + elodie.id()))
                .findFirst()
                .orElseThrow();
        assertThat(resilience.url())
                .isEqualTo("/cycles/" + cycle.slug() + "/sessions/" + session.slug() + "#question-" + elodie.id());
        assertThat(resilience.kind()).isEqualTo("question");
        assertThat(resilience.text()).contains("résilience").doesNotContain("Élodie");
    }

    @Test
    void theYouTubeSampleGoesFromUploadToThePublicPageWithItsVideoOffsets() throws Exception {
        String review = importFrom(upload("live_chat.json", ChatSamples.bytes("youtube-live_chat.json")));
        Document page = html(perform(get(review).param("show", "all")).andExpect(status().isOk()));
        assertThat(page.select("table.qa-review-table tbody tr")).isNotEmpty();
        assertThat(page.select("input[name=q][checked]"))
                .as("questions pre-selected")
                .isNotEmpty();

        perform(resubmit(review, page, "action", "publish", "authorDisplay", "INITIALS", "published", "true"))
                .andExpect(status().is3xxRedirection());

        List<ArchivedQuestion> published = archive.questions(session.id());
        assertThat(published).isNotEmpty();
        assertThat(published)
                .as("YouTube gives each message its offset in the video")
                .allSatisfy(q -> assertThat(q.offsetSeconds()).isNotNull());
        Document visitor = publicPage();
        assertThat(visitor.select("section.qa li.qa-question")).hasSize(published.size());
        assertThat(visitor.select("section.qa").text())
                .contains(published.getFirst().text());
    }

    @Test
    void organisersAnswerPublishAndUnpublishAndAnswersAreSanitised() throws Exception {
        String review = importFrom(upload("chat.txt", ChatSamples.bytes("zoom-cloud-recording.txt")));
        Document all = html(perform(get(review).param("show", "all")).andExpect(status().isOk()));
        perform(resubmit(review, all, "action", "publish", "authorDisplay", "INITIALS", "published", "true"))
                .andExpect(status().is3xxRedirection());
        ArchivedQuestion first = archive.questions(session.id()).getFirst();

        perform(post("/admin/questions/" + first.id())
                        .param("text", first.text())
                        .param("authorName", first.authorName())
                        .param("time", "4:05")
                        .param("theme", "Supports")
                        .param("votes", "3")
                        .param("status", "ANSWERED_IN_WRITING")
                        .param("answer", "Oui, **dans la semaine**. <script>alert(1)</script>")
                        .param("published", "true"))
                .andExpect(status().is3xxRedirection());
        var item = publicPage().select("li#question-" + first.id());
        assertThat(item.select(".qa-answer strong").text()).isEqualTo("dans la semaine");
        assertThat(item.select("script")).isEmpty();
        assertThat(item.html()).doesNotContain("<script>");
        assertThat(item.select(".qa-author").text()).isEqualTo("S. B.");
        assertThat(item.select(".qa-status").text()).isEqualTo("Réponse écrite");
        assertThat(item.select(".qa-time").text())
                .as("no replay: the time only")
                .isEqualTo("à 4:05 dans la séance");
        assertThat(archive.question(first.id()).orElseThrow().status()).isEqualTo(AnswerStatus.ANSWERED_IN_WRITING);

        Document bad = html(perform(post("/admin/questions/" + first.id())
                        .param("text", "")
                        .param("time", "quatre heures")
                        .param("votes", "-2")
                        .param("status", "ANSWERED_LIVE"))
                .andExpect(status().isUnprocessableContent()));
        assertThat(bad.select(".error-summary li")).hasSize(3);
        assertThat(archive.question(first.id()).orElseThrow().votes())
                .as("unchanged")
                .isEqualTo(3);

        perform(post("/admin/questions/" + first.id() + "/publish").param("published", "false"))
                .andExpect(status().is3xxRedirection());
        assertThat(publicPage().select("li#question-" + first.id())).isEmpty();
        perform(post("/admin/questions/" + first.id() + "/delete")).andExpect(status().is3xxRedirection());
        assertThat(archive.question(first.id())).isEmpty();
    }

    @Test
    void theLiveRoomsQuestionsGoThroughTheSameReviewWithTheirVotesAndStatus() throws Exception {
        Session live = cycles.sessionFromNow(cycle, 2, "En direct", -10);
        Participant ana = guest(live, "Ana Lima");
        Participant ben = guest(live, "Ben Diallo");
        Participant chloe = guest(live, "Chloé Dupont");
        Participant eve = guest(live, "Ève Martin");
        QuestionView first = liveQuestions.ask(ana, "Comment démarrer une coopération ?");
        QuestionView duplicate = liveQuestions.ask(chloe, "Comment commencer à coopérer ?");
        QuestionView hidden = liveQuestions.ask(eve, "Hors sujet");
        liveQuestions.vote(ben, first.id(), true);
        liveQuestions.vote(eve, first.id(), true);
        liveQuestions.moderate(live.id(), first.id(), QuestionStatus.ANSWERED);
        liveQuestions.merge(live.id(), duplicate.id(), first.id());
        liveQuestions.moderate(live.id(), hidden.id(), QuestionStatus.HIDDEN);

        String liveBase = "/admin/sessions/" + live.id() + "/questions";
        String review = importFrom(perform(post(liveBase + "/import-live")).andExpect(status().is3xxRedirection()));
        Document all = html(perform(get(review).param("show", "all")).andExpect(status().isOk()));
        assertThat(all.select("table.qa-review-table tbody tr")).hasSize(3);
        assertThat(all.select("input[name=q][checked]").eachAttr("value")).containsExactly("1");
        assertThat(all.select("#row-1 .badge").text()).contains("Répondu en direct");
        assertThat(all.select("#f-merge-2").val()).isEqualTo("1");
        assertThat(all.select("#f-votes-1").val()).isEqualTo("2");

        perform(resubmit(review, all, "action", "publish", "published", "true")).andExpect(status().is3xxRedirection());
        assertThat(archive.questions(live.id()))
                .extracting(
                        ArchivedQuestion::text,
                        ArchivedQuestion::votes,
                        ArchivedQuestion::status,
                        ArchivedQuestion::authorName,
                        ArchivedQuestion::source)
                .containsExactly(tuple(
                        "Comment démarrer une coopération ?", 3, AnswerStatus.ANSWERED_LIVE, "Ana Lima", "LIVE_ROOM"));
    }

    private Participant guest(Session live, String name) {
        return participants.joinAsGuest(live.id(), UUID.randomUUID().toString(), name);
    }
}

package org.parcours.library.qa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleFixtures;
import org.parcours.cycle.Session;
import org.parcours.library.qa.AnswerStatus;
import org.parcours.library.qa.ArchivedQuestion;
import org.parcours.library.qa.ChatSamples;
import org.parcours.library.qa.QaArchive;
import org.parcours.library.qa.QaFixtures;
import org.parcours.library.search.SearchContentChanged;
import org.parcours.library.search.SearchDocument;
import org.parcours.library.search.SearchSource;
import org.parcours.live.LiveParticipants;
import org.parcours.live.Participant;
import org.parcours.live.QuestionService;
import org.parcours.live.QuestionStatus;
import org.parcours.live.QuestionView;
import org.parcours.media.MediaSamples;
import org.parcours.media.MediaUploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The chat import journey through the admin pages: upload the Zoom sample, review every message, untick, edit,
 * merge, publish, and the visitor sees the questions on the session page; then the organiser answers and
 * unpublishes. Bad files and bad review input are refused with the reason and write nothing; other people cannot
 * see or touch an import.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
@Import({CycleFixtures.class, QaFixtures.class})
class ChatImportIT {

    static final RequestPostProcessor ORGANISER =
            user("organiser-qa@example.org").roles("ORGANISER");

    @Autowired
    MockMvc mvc;

    @Autowired
    CycleFixtures cycles;

    @Autowired
    QaFixtures qa;

    @Autowired
    QaArchive archive;

    @Autowired
    MediaUploads uploads;

    @Autowired
    @Qualifier("qa")
    SearchSource search;

    @Autowired
    ApplicationEvents events;

    @Autowired
    LiveParticipants participants;

    @Autowired
    QuestionService liveQuestions;

    Cycle cycle;
    Session session;
    String base;

    @BeforeEach
    void aSessionAtTenInParis() {
        cycle = cycles.publishedCycle("Q&A cycle " + CycleFixtures.unique("c"));
        // 10:00 in Paris (summer time): the Zoom sample's clock times fall in it
        session = cycles.session(cycle, 1, "La résilience", OffsetDateTime.parse("2020-04-02T08:00:00Z"), 60);
        base = "/admin/sessions/" + session.id() + "/questions";
    }

    private ResultActions perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(ORGANISER).with(csrf()).locale(Locale.FRENCH));
    }

    private ResultActions upload(String name, byte[] content) throws Exception {
        return perform(multipart(base + "/import").file(new MockMultipartFile("file", name, "text/plain", content)));
    }

    private static Document html(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private String importFrom(ResultActions result) {
        String location = result.andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/admin/chat-imports/");
        return location;
    }

    private Document publicPage() throws Exception {
        return html(mvc.perform(get("/cycles/" + cycle.slug() + "/sessions/" + session.slug())
                        .with(anonymous())
                        .locale(Locale.FRENCH))
                .andExpect(status().isOk()));
    }

    /** Every field of a review page as the form would send it back, then the overrides ("q-", n unticks n). */
    private MockHttpServletRequestBuilder resubmit(String review, Document page, String... overrides) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        for (var form : page.select("form.qa-review")) {
            for (var input : form.select("input[type=hidden][name], input[type=text], input[type=number], textarea")) {
                if (!input.attr("name").equals("_csrf")) {
                    params.add(input.attr("name"), input.tagName().equals("textarea") ? input.text() : input.val());
                }
            }
            for (var box : form.select("input[type=checkbox][checked]")) {
                params.add(box.attr("name"), box.val());
            }
            params.add(
                    "authorDisplay",
                    form.select("select[name=authorDisplay] option[selected]").val());
        }
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            if (overrides[i].equals("q-")) {
                params.getOrDefault("q", new ArrayList<>()).remove(overrides[i + 1]);
            } else {
                params.set(overrides[i], overrides[i + 1]);
            }
        }
        return post(review).params(params);
    }

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
    void badFilesAreRefusedWithTheReasonAndNothingIsWritten() throws Exception {
        Document unknown = html(upload("notes.txt", "Compte rendu de réunion\nsans heure ni auteur\n".getBytes())
                .andExpect(status().isUnprocessableContent()));
        assertThat(unknown.select(".error-summary li").text())
                .contains("Format de discussion non reconnu")
                .contains("live_chat.json")
                .contains("CSV");
        upload("empty.txt", new byte[0]).andExpect(status().isUnprocessableContent());
        perform(multipart(base + "/import")).andExpect(status().isUnprocessableContent());
        perform(post(base + "/import-live")).andExpect(status().isUnprocessableContent());
        assertThat(qa.imports(session.id())).isZero();
        assertThat(qa.questions(session.id())).isZero();
    }

    @Test
    void brokenLinesAreListedInTheReviewAndBadReviewInputSavesNothing() throws Exception {
        String chat = ChatSamples.text("zoom-local-save.txt") + "10:99:00\t From  Broken : heure impossible\n";
        String review = importFrom(upload("chat.txt", chat.getBytes(StandardCharsets.UTF_8)));
        Document all = html(perform(get(review).param("show", "all")).andExpect(status().isOk()));
        assertThat(all.select("table.qa-broken tbody tr").eachText())
                .containsExactly("12 Heure illisible 10:99:00 From Broken : heure impossible");

        Document refused = html(perform(resubmit(review, all, "votes-3", "beaucoup", "text-4", " ", "merge-6", "6"))
                .andExpect(status().isUnprocessableContent()));
        assertThat(refused.select(".error-summary li a").eachAttr("href"))
                .containsExactly("#f-votes-3", "#f-text-4", "#f-merge-6");
        assertThat(refused.select("#f-votes-3").val())
                .as("what was typed is shown again")
                .isEqualTo("beaucoup");
        Document unchanged = html(perform(get(review).param("show", "all")).andExpect(status().isOk()));
        assertThat(unchanged.select("#f-votes-3").val()).isEmpty();
        assertThat(unchanged.select("#f-text-4").text()).startsWith("Quelle différence");

        Document noTarget =
                html(perform(resubmit(review, unchanged, "merge-6", "2")).andExpect(status().isUnprocessableContent()));
        assertThat(noTarget.select(".error-summary").text()).contains("le message 2 n’est pas une question retenue");

        perform(resubmit(review, unchanged, "q-", "3", "q-", "4", "q-", "7", "q-", "9"))
                .andExpect(status().isUnprocessableContent()); // the "+1" is still merged into message 4
        perform(resubmit(review, unchanged, "q-", "3", "q-", "4", "q-", "7", "q-", "9", "merge-5", ""))
                .andExpect(status().is3xxRedirection());
        Document empty = html(perform(get(review).param("show", "all")).andExpect(status().isOk()));
        perform(resubmit(review, empty, "action", "publish")).andExpect(status().isUnprocessableContent());
        assertThat(qa.questions(session.id())).isZero();

        perform(resubmit(review, empty, "action", "discard")).andExpect(status().is3xxRedirection());
        assertThat(qa.imports(session.id())).isZero();
        perform(get(review)).andExpect(status().isNotFound());
    }

    @Test
    void onlyTheOrganiserWhoStartedAnImportSeesItAndParticipantsAreRefused() throws Exception {
        String review = importFrom(upload("chat.txt", ChatSamples.bytes("youtube-live_chat.json")));
        RequestPostProcessor other = user("other-organiser@example.org").roles("ORGANISER");
        mvc.perform(get(review).with(other)).andExpect(status().isNotFound());
        mvc.perform(post(review).with(other).with(csrf()).param("action", "discard"))
                .andExpect(status().isNotFound());
        assertThat(qa.imports(session.id())).isOne();

        RequestPostProcessor participant = user("someone@example.org").roles("PARTICIPANT");
        mvc.perform(get(review).with(participant)).andExpect(status().is4xxClientError());
        mvc.perform(get(base).with(participant)).andExpect(status().is4xxClientError());
        mvc.perform(multipart(base + "/import")
                        .file(new MockMultipartFile(
                                "file", "c.txt", "text/plain", ChatSamples.bytes("zoom-local-save.txt")))
                        .with(participant)
                        .with(csrf()))
                .andExpect(status().is4xxClientError());
        mvc.perform(get(base).with(anonymous())).andExpect(status().is3xxRedirection());
        assertThat(qa.imports(session.id())).isOne();
        mvc.perform(post(base + "/import").with(ORGANISER)).andExpect(status().isForbidden());
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

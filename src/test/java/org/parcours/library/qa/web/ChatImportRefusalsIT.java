package org.parcours.library.qa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.parcours.library.qa.ChatSamples;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Chat imports refused: unknown or empty files, broken lines and bad review input, and people who may not see an import. */
class ChatImportRefusalsIT extends ChatImportTestSupport {

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
}

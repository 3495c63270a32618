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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleFixtures;
import org.parcours.cycle.Session;
import org.parcours.library.qa.QaArchive;
import org.parcours.library.qa.QaFixtures;
import org.parcours.library.search.SearchSource;
import org.parcours.live.LiveParticipants;
import org.parcours.live.QuestionService;
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
 * What the chat-import tests share: a published session at 10:00 in Paris (the Zoom sample's clock times fall in it),
 * requests as its organiser (French, CSRF), and the review form read back and resubmitted as a browser would.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
@Import({CycleFixtures.class, QaFixtures.class})
abstract class ChatImportTestSupport {

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

    ResultActions perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(ORGANISER).with(csrf()).locale(Locale.FRENCH));
    }

    ResultActions upload(String name, byte[] content) throws Exception {
        return perform(multipart(base + "/import").file(new MockMultipartFile("file", name, "text/plain", content)));
    }

    static Document html(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    String importFrom(ResultActions result) {
        String location = result.andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/admin/chat-imports/");
        return location;
    }

    Document publicPage() throws Exception {
        return html(mvc.perform(get("/cycles/" + cycle.slug() + "/sessions/" + session.slug())
                        .with(anonymous())
                        .locale(Locale.FRENCH))
                .andExpect(status().isOk()));
    }

    /** Every field of a review page as the form would send it back, then the overrides ("q-", n unticks n). */
    MockHttpServletRequestBuilder resubmit(String review, Document page, String... overrides) {
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
}

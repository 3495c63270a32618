package org.parcours.registration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.Session;
import org.parcours.registration.Registration;
import org.parcours.registration.RegistrationFixtures;
import org.parcours.web.RateLimiter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The registration pages as visitors, participants and organisers use them. */
@SpringBootTest(
        properties = {
            "parcours.rate-limit.rules.registration.capacity=4",
            "parcours.registration.join-opens-before=PT72H"
        })
@AutoConfigureMockMvc
@Import(RegistrationFixtures.class)
class RegistrationWebIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    RegistrationFixtures fixtures;

    @Autowired
    RateLimiter rateLimiter;

    Cycle cycle;
    Session session;

    @BeforeEach
    void setUp() {
        rateLimiter.reset();
        cycle = fixtures.publishedCycle();
        session = fixtures.session(cycle, Duration.ofDays(2), 1);
    }

    @Test
    void cycleAndSessionPagesLoadTheFormWithSeatCounts() throws Exception {
        Document cyclePage =
                html(mvc.perform(get("/cycles/" + cycle.slug())).andReturn().getResponse());
        assertThat(cyclePage.select("#register").text()).isEqualTo("S’inscrire");
        assertThat(cyclePage.select("[hx-get]").attr("hx-get")).isEqualTo("/cycles/" + cycle.slug() + "/register/form");

        String sessionQuery = "?session=" + session.slug();
        Document sessionPage = html(mvc.perform(get("/cycles/" + cycle.slug() + "/sessions/" + session.slug()))
                .andReturn()
                .getResponse());
        assertThat(sessionPage.select("[hx-get]").attr("hx-get")).endsWith("/register/form" + sessionQuery);
        assertThat(sessionPage.select("a[href$=register" + sessionQuery + "]")).hasSize(1);

        Document fragment = html(mvc.perform(get("/cycles/" + cycle.slug() + "/register/form" + sessionQuery))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse());
        assertThat(fragment.select(".seat-status").text()).contains("1 places en visioconférence libres sur 1");
        assertThat(fragment.select("form").attr("action")).isEqualTo("/cycles/" + cycle.slug() + "/register");
        assertThat(fragment.select("input[name=_csrf]")).hasSize(1);
        assertThat(fragment.select("input[name=sessions][value=" + session.id() + "]")
                        .hasAttr("checked"))
                .isTrue();
        assertThat(fragment.html()).doesNotContain(session.conferenceUrl());
    }

    @Test
    void aVisitorRegistersAndSeesTheirSeat() throws Exception {
        String email = RegistrationFixtures.email("visitor");
        MvcResult result = mvc.perform(registration(email, "sessions", true))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/cycles/" + cycle.slug() + "/registered"))
                .andReturn();

        Document page =
                html(mvc.perform(get("/cycles/" + cycle.slug() + "/registered").flashAttrs(result.getFlashMap()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse());
        assertThat(page.select(".seat-list li").text()).contains(session.title(), "Place en visioconférence");
        assertThat(page.html()).doesNotContain(session.conferenceUrl());
        assertThat(fixtures.mailsTo(email, "registration.confirmation")).hasSize(1);

        // without the flash (a reload), back to the cycle page
        mvc.perform(get("/cycles/" + cycle.slug() + "/registered")).andExpect(redirectedUrl("/cycles/" + cycle.slug()));
    }

    @Test
    void invalidInputIsA422WithMessagesAndNothingSaved() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/cycles/" + cycle.slug() + "/register")
                        .with(csrf())
                        .param("name", "")
                        .param("email", "not-an-address")
                        .param("choice", "sessions")
                        .param("sessions", "abc"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse();
        Document page = html(response);
        assertThat(page.select(".error-summary li").eachText())
                .anySatisfy(t -> assertThat(t).contains("Indiquez votre nom"))
                .anySatisfy(t -> assertThat(t).contains("pas valide"))
                .anySatisfy(t -> assertThat(t).contains("n’existe pas"))
                .anySatisfy(t -> assertThat(t).contains("Votre accord"));
        assertThat(fixtures.registrations(session.id())).isEmpty();

        Session other = fixtures.session(fixtures.publishedCycle(), Duration.ofDays(3), 5);
        Document refused = html(mvc.perform(post("/cycles/" + cycle.slug() + "/register")
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("name", "Ana")
                        .param("email", RegistrationFixtures.email("x"))
                        .param("choice", "sessions")
                        .param("sessions", String.valueOf(other.id()))
                        .param("consent", "on"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse());
        assertThat(refused.select(".error-summary").text()).contains("is not part of this cycle");
    }

    @Test
    void withoutCsrfTokenTheRegistrationIsRefused() throws Exception {
        mvc.perform(post("/cycles/" + cycle.slug() + "/register").param("email", "a@example.org"))
                .andExpect(status().isForbidden());
    }

    @Test
    void tooManyAttemptsGetA429WithAClearMessage() throws Exception {
        for (int i = 0; i < 4; i++) {
            mvc.perform(registration(RegistrationFixtures.email("burst" + i), "cycle", false))
                    .andExpect(status().isFound());
        }
        Document page = html(mvc.perform(registration(RegistrationFixtures.email("burst"), "cycle", false))
                .andExpect(status().isTooManyRequests())
                .andReturn()
                .getResponse());
        assertThat(page.select(".notice-error").text()).contains("Trop de tentatives");
    }

    @Test
    void cancelLinksShowFirstAndCancelOnlyOnPost() throws Exception {
        String email = RegistrationFixtures.email("canceller");
        mvc.perform(registration(email, "sessions", true)).andExpect(status().isFound());
        String link = link(
                fixtures.mailsTo(email, "registration.confirmation").getFirst().htmlBody(), "r");

        Document confirm = html(
                mvc.perform(get(link)).andExpect(status().isOk()).andReturn().getResponse());
        assertThat(confirm.select("form[method=post]").attr("action")).isEqualTo(link);
        assertThat(fixtures.registrations(session.id()))
                .singleElement()
                .satisfies(r -> assertThat(r.active()).isTrue());

        MvcResult posted = mvc.perform(post(link).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(link))
                .andReturn();
        assertThat(fixtures.registrations(session.id()))
                .singleElement()
                .satisfies(r -> assertThat(r.active()).isFalse());
        Document done = html(mvc.perform(get(link).flashAttrs(posted.getFlashMap()))
                .andReturn()
                .getResponse());
        assertThat(done.select(".notice-ok").text()).contains("désinscription est enregistrée");
        Document later = html(mvc.perform(get(link)).andReturn().getResponse());
        assertThat(later.select(".notice-ok").text()).contains("déjà annulée");
        assertThat(fixtures.mailsTo(email, "registration.cancellation")).hasSize(1);

        String tampered = link.substring(0, link.length() - 2) + (link.endsWith("AA") ? "BB" : "AA");
        Document forged = html(mvc.perform(get(tampered))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse());
        assertThat(forged.select(".notice-error").text()).contains("n’est pas valide");
        mvc.perform(post(tampered).with(csrf())).andExpect(status().isBadRequest());
        String otherId = link.replaceFirst("/r(\\d+)-", "/r9$1-");
        mvc.perform(get(otherId)).andExpect(status().isBadRequest());
    }

    @Test
    void mySpaceShowsSeatsJoinLinksForSeatedPeopleAndCancels() throws Exception {
        String seated = RegistrationFixtures.email("seated");
        String streamer = RegistrationFixtures.email("streamer");
        mvc.perform(registration(seated, "cycle", true)).andExpect(status().isFound());
        mvc.perform(registration(streamer, "cycle", true)).andExpect(status().isFound());

        mvc.perform(get("/me")).andExpect(status().isFound()).andExpect(redirectedUrl("/signin?continue=%2Fme"));

        Document mine =
                html(mvc.perform(get("/me").with(user(seated))).andReturn().getResponse());
        assertThat(mine.select(".seat-list li").text()).contains(session.title(), "Place en visioconférence");
        assertThat(mine.select("a[href=" + session.conferenceUrl() + "]")).hasSize(1);
        assertThat(mine.select("a[href=/me/account]")).hasSize(1);

        Document theirs =
                html(mvc.perform(get("/me").with(user(streamer))).andReturn().getResponse());
        assertThat(theirs.text()).contains("liste d’attente", "position 1");
        assertThat(theirs.html()).doesNotContain(session.conferenceUrl());

        Registration seatedRegistration = fixtures.registrations(session.id()).getFirst();
        mvc.perform(post("/me/registrations/" + seatedRegistration.id() + "/cancel")
                        .with(user(streamer))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/me/registrations/" + seatedRegistration.id() + "/cancel")
                        .with(user(seated))
                        .with(csrf()))
                .andExpect(redirectedUrl("/me"));
        Document promoted =
                html(mvc.perform(get("/me").with(user(streamer))).andReturn().getResponse());
        assertThat(promoted.select("a[href=" + session.conferenceUrl() + "]")).hasSize(1);
        assertThat(fixtures.mailsTo(streamer, "registration.promotion")).hasSize(1);
    }

    @Test
    void organisersSeeListsExportCsvAndActByHand() throws Exception {
        String formula = RegistrationFixtures.email("formula");
        mvc.perform(post("/cycles/" + cycle.slug() + "/register")
                        .with(csrf())
                        .param("name", "=HYPERLINK(\"http://evil\")")
                        .param("email", formula)
                        .param("choice", "cycle")
                        .param("conference", "on")
                        .param("consent", "on"))
                .andExpect(status().isFound());
        String other = RegistrationFixtures.email("élodie");
        mvc.perform(post("/cycles/" + cycle.slug() + "/register")
                        .with(csrf())
                        .param("name", "Élodie Dupré")
                        .param("email", other)
                        .param("choice", "cycle")
                        .param("conference", "on")
                        .param("consent", "on"))
                .andExpect(status().isFound());

        mvc.perform(get("/admin/sessions/" + session.id() + "/registrations")).andExpect(status().isFound());
        mvc.perform(get("/admin/sessions/" + session.id() + "/registrations").with(user(other)))
                .andExpect(status().isForbidden());
        Document list = html(mvc.perform(get("/admin/sessions/" + session.id() + "/registrations")
                        .with(organiser()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse());
        assertThat(list.select(".seat-summary").text()).contains("1 / 1", "Liste d’attente : 1");
        assertThat(list.select("tbody tr")).hasSize(2);
        assertThat(list.select("tbody tr").get(1).text()).contains("Élodie Dupré", "position 1");

        MockHttpServletResponse csv = mvc.perform(get("/admin/sessions/" + session.id() + "/registrations.csv")
                        .with(organiser()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andReturn()
                .getResponse();
        byte[] bytes = csv.getContentAsByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text)
                .contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", "Élodie Dupré")
                .doesNotContain(",=HYPERLINK");
        mvc.perform(get("/admin/cycles/" + cycle.id() + "/registrations.csv").with(organiser()))
                .andExpect(status().isOk());
        Document cycleList = html(mvc.perform(
                        get("/admin/cycles/" + cycle.id() + "/registrations").with(organiser()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse());
        assertThat(cycleList.text()).contains("Inscrit·es à tout le cycle : 2");

        Registration waiting = fixtures.registrations(session.id()).get(1);
        mvc.perform(post("/admin/registrations/" + waiting.id() + "/promote")
                        .with(organiser())
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/sessions/" + session.id() + "/registrations"));
        Registration seated = fixtures.registrations(session.id()).getFirst();
        mvc.perform(post("/admin/registrations/" + seated.id() + "/stream")
                        .with(organiser())
                        .with(csrf()))
                .andExpect(status().isFound());
        assertThat(fixtures.mailsTo(other, "registration.promotion")).hasSize(1);
        mvc.perform(post("/admin/registrations/" + seated.id() + "/remove")
                        .with(organiser())
                        .with(csrf()))
                .andExpect(status().isFound());
        assertThat(fixtures.mailsTo(formula, "registration.cancellation")).hasSize(1);
        mvc.perform(post("/admin/registrations/999999999/remove")
                        .with(organiser())
                        .with(csrf()))
                .andExpect(status().isNotFound());

        Document form = html(
                mvc.perform(get("/admin/sessions/" + session.id() + "/message").with(organiser()))
                        .andReturn()
                        .getResponse());
        String messageId = form.select("input[name=messageId]").val();
        mvc.perform(post("/admin/sessions/" + session.id() + "/message")
                        .with(organiser())
                        .with(csrf())
                        .param("messageId", messageId)
                        .param("subject", "")
                        .param("body", "Hello"))
                .andExpect(status().isUnprocessableContent());
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/admin/sessions/" + session.id() + "/message")
                            .with(organiser())
                            .with(csrf())
                            .param("messageId", messageId)
                            .param("subject", "Lien du jour")
                            .param("body", "À *bientôt*"))
                    .andExpect(redirectedUrl("/admin/sessions/" + session.id() + "/registrations"));
        }
        assertThat(fixtures.mailsTo(other, "registration.message"))
                .singleElement()
                .satisfies(m -> assertThat(m.htmlBody()).contains("<em>bientôt</em>"));
    }

    private MockHttpServletRequestBuilder registration(String email, String choice, boolean conference) {
        MockHttpServletRequestBuilder post = post("/cycles/" + cycle.slug() + "/register")
                .with(csrf())
                .param("name", "Ana Lima")
                .param("email", email)
                .param("choice", choice)
                .param("sessions", String.valueOf(session.id()))
                .param("consent", "on");
        return conference ? post.param("conference", "on") : post;
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor organiser() {
        return user("organiser@example.org").roles("ORGANISER");
    }

    /** The path of the first cancel link of a kind ({@code r}: one registration, {@code a}: all) in a mail. */
    private static String link(String html, String kind) {
        Matcher m = Pattern.compile("https?://[^/\"]+(/registrations/cancel/" + kind + "[^\"]+)")
                .matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static Document html(MockHttpServletResponse response) throws Exception {
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }
}

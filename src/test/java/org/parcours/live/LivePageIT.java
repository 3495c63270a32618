package org.parcours.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.account.Participants;
import org.parcours.account.Person;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleFixtures;
import org.parcours.cycle.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The live page as each kind of visitor sees it, and the forms without script (Post/Redirect/Get, refusals shown
 * on the page with their status).
 */
@SpringBootTest(properties = {"parcours.rate-limit.enabled=false", "parcours.live.hls-hosts=video.example.org"})
@AutoConfigureMockMvc
@Import({CycleFixtures.class, LivePageIT.Seats.class})
class LivePageIT {

    /**
     * Stands in for registration's seat lookup (primary over it): whoever's address starts with "seated" holds a
     * conference seat.
     */
    @TestConfiguration
    static class Seats {
        @Bean
        @Primary
        SeatLookup seatLookup(JdbcClient jdbc) {
            return (sessionId, personId) -> Optional.of(
                    jdbc.sql("select email from person where id = :id")
                                    .param("id", personId)
                                    .query(String.class)
                                    .single()
                                    .startsWith("seated")
                            ? SeatKind.CONFERENCE
                            : SeatKind.STREAM);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    CycleFixtures fixtures;

    @Autowired
    Participants people;

    @Autowired
    RoomService rooms;

    @Autowired
    JdbcClient jdbc;

    Cycle cycle;
    Session first;
    Session session;
    String livePath;

    @BeforeEach
    void sessions() {
        cycle = fixtures.publishedCycle("Page " + CycleFixtures.unique("c"));
        first = fixtures.sessionFromNow(cycle, 1, "Earlier", -60 * 24 * 7);
        session = fixtures.sessionFromNow(cycle, 2, "Today", -5);
        livePath = "/cycles/" + cycle.slug() + "/sessions/" + session.slug() + "/live";
    }

    Person person(String prefix) {
        return people.findOrCreate("Jeanne " + prefix, prefix + UUID.randomUUID() + "@live.test", Locale.FRENCH);
    }

    static RequestPostProcessor as(Person person) {
        return user(person.email()).roles("PARTICIPANT");
    }

    Document page(RequestPostProcessor who) throws Exception {
        return Jsoup.parse(mvc.perform(get(livePath).with(who))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void theSessionPageLinksToTheLiveRoom() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/cycles/" + cycle.slug() + "/sessions/" + session.slug()))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select("a[href=" + livePath + "]")).hasSize(1);
    }

    @Test
    void onlyTheConferenceSeatedSeeTheConferenceLink() throws Exception {
        String secret = session.conferenceUrl();
        Document seated = page(as(person("seated")));
        assertThat(seated.select("a[href=" + secret + "]")).hasSize(1);
        Document streaming = page(as(person("stream")));
        assertThat(streaming.html()).doesNotContain(secret);
        assertThat(streaming.select("form.ask-form")).hasSize(1);
        Document visitor = page(SecurityMockMvcRequestPostProcessors.anonymous());
        assertThat(visitor.html()).doesNotContain(secret);
        assertThat(visitor.select("form.ask-form")).isEmpty();
        assertThat(visitor.select("a[href^=/signin?continue=]")).isNotEmpty();
        assertThat(visitor.select(".moderation")).isEmpty();
    }

    @Test
    void formsWorkWithoutScript() throws Exception {
        Person ana = person("ana");
        mvc.perform(post("/live/" + session.id() + "/questions")
                        .with(as(ana))
                        .with(csrf())
                        .param("text", "Une question sans script ?"))
                .andExpect(redirectedUrl(livePath));
        mvc.perform(post("/live/" + session.id() + "/chat")
                        .with(as(ana))
                        .with(csrf())
                        .param("text", "Voir https://example.org/a."))
                .andExpect(redirectedUrl(livePath));
        Document page = page(as(ana));
        assertThat(page.select("#questions .question-text").text()).isEqualTo("Une question sans script ?");
        assertThat(page.select("#chat .chat-text a[href=https://example.org/a]").attr("rel"))
                .contains("nofollow")
                .contains("ugc");
        assertThat(page.select("#chat iframe, #chat img")).isEmpty();

        String refused = mvc.perform(post("/live/" + session.id() + "/questions")
                        .with(as(ana))
                        .with(csrf())
                        .param("text", ""))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(refused).select("[role=alert]").text()).isEqualTo("Le texte est vide.");

        mvc.perform(post("/live/" + session.id() + "/questions").with(as(ana)).param("text", "No token"))
                .andExpect(status().isForbidden());
    }

    @Test
    void organisersModerateAndSetTheAgendaWithTheRecap() throws Exception {
        Person ana = person("ana");
        mvc.perform(post("/live/" + session.id() + "/questions")
                        .with(as(ana))
                        .with(csrf())
                        .param("text", "À valider"))
                .andExpect(status().is3xxRedirection());
        RequestPostProcessor organiser = user("organiser@live.test").roles("ORGANISER");
        Document moderated = page(organiser);
        assertThat(moderated.select("#questions .moderation form[action$=/hide]"))
                .hasSize(1);

        mvc.perform(post("/admin/live/" + session.id() + "/agenda")
                        .with(as(ana))
                        .with(csrf())
                        .param("segment", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/live/" + session.id() + "/agenda")
                        .with(organiser)
                        .with(csrf())
                        .param("segment", "0")
                        .header("X-Live-Fetch", "1"))
                .andExpect(status().isNoContent());
        Document recap = page(as(ana));
        assertThat(recap.select("#agenda-panel li[aria-current=step]").text()).contains("Recap of Today");
        assertThat(recap.select(".live-recap li").eachText())
                .containsExactly("First point of Earlier", "Second point of Earlier");
        mvc.perform(post("/admin/live/" + session.id() + "/agenda")
                        .with(organiser)
                        .with(csrf())
                        .param("segment", "99")
                        .header("X-Live-Fetch", "1"))
                .andExpect(status().isUnprocessableContent());
    }

    Element streamWith(String livestreamUrl) throws Exception {
        jdbc.sql("update cycle_session set livestream_url = :url where id = :id")
                .param("url", livestreamUrl)
                .param("id", session.id())
                .update();
        Document page = page(as(person("viewer")));
        assertThat(page.select("iframe, video[src], video source, audio"))
                .as("nothing plays before a click")
                .isEmpty();
        assertThat(page.select(".live-actions a[href=" + livestreamUrl + "]")).isEmpty();
        return page.selectFirst("#stream-panel");
    }

    @Test
    void theLivestreamLoadsOnlyWhenTheVisitorAsksForIt() throws Exception {
        String youtube = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
        Element embed = streamWith(youtube).selectFirst(".embed");
        assertThat(embed.attr("data-embed")).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
        assertThat(embed.attr("data-embed-title")).isNotBlank();
        assertThat(embed.select(".embed-notice").text()).contains("YouTube").contains("adresse IP");
        assertThat(embed.select("button.embed-load").attr("type")).isEqualTo("button");
        assertThat(embed.select("button.embed-load").hasAttr("hidden"))
                .as("the button shows with the script only")
                .isTrue();
        assertThat(embed.select("a[href=" + youtube + "]")).hasSize(1);

        String hls = "https://video.example.org/live/session.m3u8";
        Element player = streamWith(hls).selectFirst(".hls");
        assertThat(player.attr("data-hls")).isEqualTo(hls);
        assertThat(player.select("video[controls][aria-label]")).hasSize(1);
        assertThat(player.attr("data-hls-script")).startsWith("/js/vendor/hls.js/");
        assertThat(player.select("a[href=" + hls + "]")).hasSize(1);

        // an HLS stream from a host the administrator did not list, or any other address: a plain link
        for (String other : List.of("https://elsewhere.example.net/live.m3u8", "https://stream.example.org/direct")) {
            Element link = streamWith(other);
            assertThat(link.select(".embed, .hls, video")).isEmpty();
            assertThat(link.select("a[href=" + other + "]")).hasSize(1);
        }
    }

    @Test
    void theContentSecurityPolicyLetsTheListedHlsHostsPlayOnly() throws Exception {
        String policy = mvc.perform(get(livePath).with(as(person("csp"))))
                .andReturn()
                .getResponse()
                .getHeader("Content-Security-Policy");
        assertThat(policy)
                .contains("media-src 'self' blob: https://video.example.org;")
                .contains("connect-src 'self' https://video.example.org;")
                .contains("frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com")
                .contains("script-src 'self';");
    }

    @Test
    void closedRoomsSayWhenTheyOpen() throws Exception {
        Session later = fixtures.sessionFromNow(cycle, 3, "Later", 60 * 24 * 3);
        String path = "/cycles/" + cycle.slug() + "/sessions/" + later.slug() + "/live";
        Document page = Jsoup.parse(mvc.perform(get(path).with(as(person("early"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select(".notice-warn").text()).startsWith("La salle ouvre le");
        assertThat(page.select("form.ask-form")).isEmpty();
        mvc.perform(get("/cycles/" + cycle.slug() + "/sessions/nope/live")).andExpect(status().isNotFound());
    }
}

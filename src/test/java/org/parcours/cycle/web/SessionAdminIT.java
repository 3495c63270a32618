package org.parcours.cycle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parcours.cycle.web.AdminFixtures.html;
import static org.parcours.cycle.web.AdminFixtures.sessionForm;
import static org.parcours.cycle.web.AdminFixtures.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.AgendaSegment;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.KeyPoint;
import org.parcours.cycle.SegmentKind;
import org.parcours.cycle.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Sessions in the admin: create, edit, reorder, delete, and the agenda and key-point editors. The public session
 * page is built by another part of the application; what it shows is read here through {@link CycleService},
 * which that page uses.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(roles = "ORGANISER")
class SessionAdminIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    CycleService cycles;

    AdminFixtures fixtures;
    long cycleId;

    @BeforeEach
    void aCycle() throws Exception {
        fixtures = new AdminFixtures(mvc);
        cycleId = fixtures.cycle(unique("sessions"));
    }

    @Test
    void startIsReadInTheSessionTimeZone() throws Exception {
        long id = fixtures.session(cycleId, "one", "2026-04-02T18:00");
        Session session = cycles.session(id).orElseThrow();
        assertThat(session.startsAt().toInstant()).isEqualTo(Instant.parse("2026-04-02T16:00:00Z"));
        assertThat(session.timeZone()).isEqualTo("Europe/Paris");
        assertThat(session.seatCap()).isEqualTo(100);
        assertThat(session.position()).isEqualTo(1);
        assertThat(session.conferenceUrl()).isEqualTo("https://visio.example.org/room");
        assertThat(session.livestreamUrl()).as("blank means none").isNull();

        Document edit = html(mvc.perform(get("/admin/sessions/" + id)).andExpect(status().isOk()));
        assertThat(edit.select("#f-startsAt[type=datetime-local]").attr("value"))
                .isEqualTo("2026-04-02T18:00");
    }

    @Test
    void newSessionFormProposesTheWeekAfterTheLastOne() throws Exception {
        fixtures.session(cycleId, "first", "2026-04-02T18:00");
        Document page = html(
                mvc.perform(get("/admin/cycles/" + cycleId + "/sessions/new")).andExpect(status().isOk()));
        assertThat(page.select("#f-startsAt").attr("value")).isEqualTo("2026-04-09T18:00");
        assertThat(page.select("#f-seatCap").attr("value")).isEqualTo("100");
    }

    @Test
    void editedTitleIsWhatThePublicPagesRead() throws Exception {
        long id = fixtures.session(cycleId, "edit-me", "2026-04-02T18:00");
        Cycle cycleBefore = cycles.cycle(cycleId).orElseThrow();

        mvc.perform(sessionForm("/admin/sessions/" + id, "Coopérer, c’est quoi ?", "edit-me", "2026-04-02T18:30"))
                .andExpect(redirectedUrl("/admin/sessions/" + id))
                .andExpect(flash().attribute("flash", "admin.flash.sessionSaved"));

        Cycle cycle = cycles.cycle(cycleId).orElseThrow();
        Session session = cycles.session(cycleId, "edit-me").orElseThrow();
        assertThat(session.title()).isEqualTo("Coopérer, c’est quoi ?");
        assertThat(session.start().toLocalTime()).hasToString("18:30");
        assertThat(cycle.updatedAt()).as("the cycle page changes too").isAfterOrEqualTo(cycleBefore.updatedAt());
    }

    @Test
    void moveUpAndDownRenumbersThePath() throws Exception {
        long a = fixtures.session(cycleId, "a", "2026-04-02T18:00");
        long b = fixtures.session(cycleId, "b", "2026-04-09T18:00");
        long c = fixtures.session(cycleId, "c", "2026-04-16T18:00");

        mvc.perform(post("/admin/sessions/" + c + "/move").with(csrf()).param("direction", "up"))
                .andExpect(redirectedUrl("/admin/cycles/" + cycleId + "#sessions"))
                .andExpect(flash().attribute("flash", "admin.flash.sessionMoved"));
        assertThat(slugs()).containsExactly("a", "c", "b");
        assertThat(positions()).containsExactly(1, 2, 3);

        mvc.perform(post("/admin/sessions/" + a + "/move").with(csrf()).param("direction", "down"));
        assertThat(slugs()).containsExactly("c", "a", "b");

        mvc.perform(post("/admin/sessions/" + c + "/move").with(csrf()).param("direction", "up"));
        mvc.perform(post("/admin/sessions/" + b + "/move").with(csrf()).param("direction", "down"));
        assertThat(slugs()).as("the ends do not move further").containsExactly("c", "a", "b");

        mvc.perform(post("/admin/sessions/" + b + "/move").with(csrf()).param("direction", "sideways"))
                .andExpect(status().isNotFound());

        Document page = html(mvc.perform(get("/admin/cycles/" + cycleId)));
        assertThat(page.select("#sessions ~ div table tbody th a").eachText())
                .containsExactly("Session c", "Session a", "Session b");
    }

    @Test
    void deleteAsksFirstThenClosesTheGap() throws Exception {
        fixtures.session(cycleId, "keep-1", "2026-04-02T18:00");
        long gone = fixtures.session(cycleId, "gone", "2026-04-09T18:00");
        fixtures.session(cycleId, "keep-2", "2026-04-16T18:00");

        Document confirm =
                html(mvc.perform(get("/admin/sessions/" + gone + "/delete")).andExpect(status().isOk()));
        assertThat(confirm.select("form[action=/admin/sessions/" + gone + "/delete] button.danger"))
                .hasSize(1);
        assertThat(cycles.session(gone)).as("asking deletes nothing").isPresent();

        mvc.perform(post("/admin/sessions/" + gone + "/delete").with(csrf()))
                .andExpect(redirectedUrl("/admin/cycles/" + cycleId + "#sessions"));
        assertThat(cycles.session(gone)).isEmpty();
        assertThat(slugs()).containsExactly("keep-1", "keep-2");
        assertThat(positions()).containsExactly(1, 2);
        mvc.perform(post("/admin/sessions/" + gone + "/delete").with(csrf())).andExpect(status().isNotFound());
    }

    @Nested
    class InvalidInput {

        @Test
        void badUrlsBadZoneBadStartAndBadNumbers() throws Exception {
            Document page = html(mvc.perform(sessionForm(
                            "/admin/cycles/" + cycleId + "/sessions",
                            "Title",
                            "bad",
                            "next thursday",
                            "timeZone",
                            "Europe/Nowhere",
                            "livestreamUrl",
                            "javascript:alert(1)",
                            "conferenceUrl",
                            "ftp://example.org/file",
                            "durationMinutes",
                            "0",
                            "seatCap",
                            "many"))
                    .andExpect(status().isUnprocessableContent()));
            assertThat(page.select(".error-summary a").eachAttr("href"))
                    .containsExactly(
                            "#f-startsAt",
                            "#f-timeZone",
                            "#f-durationMinutes",
                            "#f-livestreamUrl",
                            "#f-conferenceUrl",
                            "#f-seatCap");
            assertThat(page.select("#f-conferenceUrl-error").text()).contains("https://");
            assertThat(page.select("#f-seatCap-error").text()).isEqualTo("Saisissez un nombre entier.");
            assertThat(page.select("#f-durationMinutes-error").text()).isEqualTo("La valeur doit être au moins 1.");
            assertThat(cycles.sessions(cycleId)).isEmpty();
        }

        @Test
        void duplicateSlugWithinTheCycle() throws Exception {
            fixtures.session(cycleId, "twice", "2026-04-02T18:00");
            Document page = html(mvc.perform(
                            sessionForm("/admin/cycles/" + cycleId + "/sessions", "Again", "twice", "2026-04-09T18:00"))
                    .andExpect(status().isUnprocessableContent()));
            assertThat(page.select("#f-slug-error").text()).startsWith("Une autre séance de ce cycle");
            assertThat(cycles.sessions(cycleId)).hasSize(1);

            long otherCycle = fixtures.cycle(unique("other"));
            mvc.perform(sessionForm(
                            "/admin/cycles/" + otherCycle + "/sessions", "Same slug", "twice", "2026-04-09T18:00"))
                    .andExpect(status().is3xxRedirection());
        }

        @Test
        void invalidEditKeepsTheSavedSession() throws Exception {
            long id = fixtures.session(cycleId, "stays", "2026-04-02T18:00");
            mvc.perform(sessionForm("/admin/sessions/" + id, "", "stays", "2026-04-02T18:00"))
                    .andExpect(status().isUnprocessableContent());
            assertThat(cycles.session(id).orElseThrow().title()).isEqualTo("Session stays");
        }

        @Test
        void unknownIds() throws Exception {
            mvc.perform(get("/admin/sessions/987654321")).andExpect(status().isNotFound());
            mvc.perform(get("/admin/cycles/987654321/sessions/new")).andExpect(status().isNotFound());
            mvc.perform(sessionForm("/admin/cycles/987654321/sessions", "T", "t", "2026-04-02T18:00"))
                    .andExpect(status().isNotFound());
        }
    }

    @Nested
    class AgendaAndKeyPoints {

        long sessionId;

        @BeforeEach
        void aSession() throws Exception {
            sessionId = fixtures.session(cycleId, "agenda", "2026-04-02T18:00");
        }

        @Test
        void addEditMoveAndRemoveSegments() throws Exception {
            String path = "/admin/sessions/" + sessionId + "/agenda";
            mvc.perform(post(path)
                            .with(csrf())
                            .param("added.kind", "RECAP")
                            .param("added.title", "Rappel")
                            .param("added.minutes", "5"))
                    .andExpect(redirectedUrl("/admin/sessions/" + sessionId + "#agenda"))
                    .andExpect(flash().attribute("flash", "admin.flash.agendaSaved"));
            mvc.perform(post(path)
                    .with(csrf())
                    .param("rows[0].kind", "RECAP")
                    .param("rows[0].title", "Rappel des points clés")
                    .param("rows[0].minutes", "5")
                    .param("added.kind", "PRESENTATION")
                    .param("added.title", "Présentation")
                    .param("added.minutes", "30"));
            assertThat(agenda())
                    .containsExactly(
                            AgendaSegment.of(SegmentKind.RECAP, "Rappel des points clés", 5),
                            AgendaSegment.of(SegmentKind.PRESENTATION, "Présentation", 30));

            // Move the second row up, and keep an edit typed in the first row.
            mvc.perform(post(path)
                    .with(csrf())
                    .param("action", "up-1")
                    .param("rows[0].kind", "RECAP")
                    .param("rows[0].title", "Rappel")
                    .param("rows[0].minutes", "10")
                    .param("rows[1].kind", "PRESENTATION")
                    .param("rows[1].title", "Présentation")
                    .param("rows[1].minutes", "30"));
            assertThat(agenda())
                    .containsExactly(
                            AgendaSegment.of(SegmentKind.PRESENTATION, "Présentation", 30),
                            AgendaSegment.of(SegmentKind.RECAP, "Rappel", 10));

            // A row being removed need not be valid.
            mvc.perform(post(path)
                            .with(csrf())
                            .param("action", "remove-1")
                            .param("rows[0].kind", "PRESENTATION")
                            .param("rows[0].title", "Présentation")
                            .param("rows[0].minutes", "30")
                            .param("rows[1].kind", "RECAP")
                            .param("rows[1].title", "")
                            .param("rows[1].minutes", ""))
                    .andExpect(status().is3xxRedirection());
            assertThat(agenda()).containsExactly(AgendaSegment.of(SegmentKind.PRESENTATION, "Présentation", 30));

            Document page = html(mvc.perform(get("/admin/sessions/" + sessionId)));
            assertThat(page.select("#f-rows-0-title").attr("value")).isEqualTo("Présentation");
            assertThat(page.select("label[for=f-rows-0-title]").text()).isEqualTo("Intitulé du temps 1");
            assertThat(page.select("form[action=" + path + "] button[value=remove-0]"))
                    .hasSize(1);
            assertThat(page.select("form[action=" + path + "] button[type=submit]")
                            .first()
                            .attr("value"))
                    .as("Enter in a field saves, it does not move or remove a row")
                    .isEqualTo("save");
        }

        @Test
        void invalidRowShowsTheErrorAndSavesNothing() throws Exception {
            mvc.perform(post("/admin/sessions/" + sessionId + "/agenda")
                    .with(csrf())
                    .param("added.kind", "CLOSING")
                    .param("added.title", "Ce que je retiens")
                    .param("added.minutes", "10"));
            Document page = html(mvc.perform(post("/admin/sessions/" + sessionId + "/agenda")
                            .with(csrf())
                            .param("rows[0].kind", "CLOSING")
                            .param("rows[0].title", "Ce que je retiens")
                            .param("rows[0].minutes", "2000")
                            .param("added.kind", "FREE")
                            .param("added.title", "Sans durée"))
                    .andExpect(status().isUnprocessableContent()));
            assertThat(page.select(".error-summary a").eachAttr("href"))
                    .containsExactly("#f-rows-0-minutes", "#f-rows-1-minutes");
            assertThat(page.select(".error-summary a").first().text().replaceAll("\\h", " "))
                    .isEqualTo("Durée du temps 1 : La valeur doit être au plus 1 440.");
            assertThat(agenda()).containsExactly(AgendaSegment.of(SegmentKind.CLOSING, "Ce que je retiens", 10));
        }

        @Test
        void unconvertibleValuesAreRefusedWithoutError500() throws Exception {
            mvc.perform(post("/admin/sessions/" + sessionId + "/agenda")
                            .with(csrf())
                            .param("rows[0].kind", "NOT_A_KIND")
                            .param("rows[0].title", "Titre")
                            .param("rows[0].minutes", "ten"))
                    .andExpect(status().isUnprocessableContent());
            mvc.perform(post("/admin/sessions/" + sessionId + "/agenda")
                            .with(csrf())
                            .param("action", "jump-9")
                            .param("added.kind", "FREE")
                            .param("added.title", "Unknown action means save")
                            .param("added.minutes", "5"))
                    .andExpect(status().is3xxRedirection());
            assertThat(agenda()).containsExactly(AgendaSegment.of(SegmentKind.FREE, "Unknown action means save", 5));
        }

        @Test
        void keyPointsInOrder() throws Exception {
            String path = "/admin/sessions/" + sessionId + "/key-points";
            mvc.perform(post(path).with(csrf()).param("added", "Coopérer s’apprend."))
                    .andExpect(redirectedUrl("/admin/sessions/" + sessionId + "#key-points"));
            mvc.perform(post(path)
                    .with(csrf())
                    .param("rows[0].text", "Coopérer s’apprend.")
                    .param("added", "La confiance précède la coopération."));
            mvc.perform(post(path)
                    .with(csrf())
                    .param("action", "down-0")
                    .param("rows[0].text", "Coopérer s’apprend.")
                    .param("rows[1].text", "La confiance précède la coopération."));
            assertThat(keyPoints()).containsExactly("La confiance précède la coopération.", "Coopérer s’apprend.");

            mvc.perform(post(path).with(csrf()).param("rows[0].text", " ").param("rows[1].text", "Coopérer s’apprend."))
                    .andExpect(status().isUnprocessableContent());
            assertThat(keyPoints()).hasSize(2);

            mvc.perform(post(path)
                    .with(csrf())
                    .param("action", "remove-0")
                    .param("rows[0].text", "La confiance précède la coopération.")
                    .param("rows[1].text", "Coopérer s’apprend."));
            assertThat(keyPoints()).containsExactly("Coopérer s’apprend.");
        }

        private List<AgendaSegment> agenda() {
            return cycles.session(sessionId).orElseThrow().agenda().stream()
                    .map(s -> AgendaSegment.of(s.kind(), s.title(), s.plannedMinutes()))
                    .toList();
        }

        private List<String> keyPoints() {
            return cycles.session(sessionId).orElseThrow().keyPoints().stream()
                    .map(KeyPoint::text)
                    .toList();
        }
    }

    private List<String> slugs() {
        return cycles.sessions(cycleId).stream().map(Session::slug).toList();
    }

    private List<Integer> positions() {
        return cycles.sessions(cycleId).stream().map(Session::position).toList();
    }
}

package org.parcours.cycle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parcours.cycle.web.AdminFixtures.cycleForm;
import static org.parcours.cycle.web.AdminFixtures.html;
import static org.parcours.cycle.web.AdminFixtures.idFromRedirect;
import static org.parcours.cycle.web.AdminFixtures.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.CycleStatus;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.ui.ExtendedModelMap;

/** The dashboard and the cycle pages of the admin, as an organiser uses them, plus who may use them. */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(roles = "ORGANISER")
class CycleAdminIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    CycleService cycles;

    AdminFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new AdminFixtures(mvc);
    }

    @Test
    void newCycleIsADraftOnTheDashboard() throws Exception {
        String slug = unique("cooperer");
        long id = idFromRedirect(mvc.perform(cycleForm("/admin/cycles", "Coopérer " + slug, slug))
                .andExpect(flash().attribute("flash", "admin.flash.cycleCreated")));

        Cycle cycle = cycles.cycle(id).orElseThrow();
        assertThat(cycle.slug()).isEqualTo(slug);
        assertThat(cycle.status()).isEqualTo(CycleStatus.DRAFT);
        assertThat(cycle.timeZone()).isEqualTo("Europe/Paris");

        Document dashboard = html(mvc.perform(get("/admin")).andExpect(status().isOk()));
        Element row =
                dashboard.select("tr:has(a[href=/admin/cycles/" + id + "])").first();
        assertThat(row).isNotNull();
        assertThat(row.text()).contains("Coopérer " + slug).contains("Brouillon");
        assertThat(row.select("a[href=/admin/cycles/" + id + "/export]")).hasSize(1);
        assertThat(dashboard.select("a[href=/admin/cycles/import]")).isNotEmpty();
        assertThat(dashboard.select("a[href=/admin/cycles/new]")).isNotEmpty();
        assertThat(dashboard.select("form[action=/logout] input[name=_csrf]")).hasSize(1);
    }

    @Test
    void blankSlugIsDerivedFromTheTitle() throws Exception {
        String suffix = unique("x");
        long id = idFromRedirect(mvc.perform(cycleForm("/admin/cycles", "Coopérer : l’œuvre d’un " + suffix, "")));
        assertThat(cycles.cycle(id).orElseThrow().slug()).isEqualTo("cooperer-l-oeuvre-d-un-" + suffix);
    }

    @Test
    void editingChangesTheCycleAndItsUpdateTime() throws Exception {
        String slug = unique("edit");
        long id = fixtures.cycle(slug);
        Cycle before = cycles.cycle(id).orElseThrow();

        mvc.perform(cycleForm("/admin/cycles/" + id, "Renamed", slug, "timeZone", "America/Montreal"))
                .andExpect(redirectedUrl("/admin/cycles/" + id))
                .andExpect(flash().attribute("flash", "admin.flash.cycleSaved"));

        Cycle after = cycles.cycle(id).orElseThrow();
        assertThat(after.title()).isEqualTo("Renamed");
        assertThat(after.timeZone()).isEqualTo("America/Montreal");
        assertThat(after.updatedAt()).isAfterOrEqualTo(before.updatedAt());
        assertThat(after.createdAt()).isEqualTo(before.createdAt());
    }

    @Test
    void publishAndUnpublish() throws Exception {
        String slug = unique("publish");
        long id = fixtures.cycle(slug);
        assertThat(cycles.publishedCycle(slug)).isEmpty();

        mvc.perform(post("/admin/cycles/" + id + "/publish").with(csrf()))
                .andExpect(redirectedUrl("/admin/cycles/" + id))
                .andExpect(flash().attribute("flash", "admin.flash.cyclePublished"));
        assertThat(cycles.publishedCycle(slug)).isPresent();
        Document page = html(mvc.perform(get("/admin/cycles/" + id)));
        assertThat(page.select("form[action=/admin/cycles/" + id + "/unpublish]"))
                .hasSize(1);
        assertThat(page.select("a[href=/cycles/" + slug + "]")).hasSize(1);

        mvc.perform(post("/admin/cycles/" + id + "/unpublish").with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(cycles.publishedCycle(slug)).isEmpty();
    }

    @Nested
    class InvalidInput {

        @Test
        void blankTitle() throws Exception {
            String slug = unique("blank");
            Document page = html(
                    mvc.perform(cycleForm("/admin/cycles", " ", slug)).andExpect(status().isUnprocessableContent()));
            assertThat(page.select(".error-summary a[href=#f-title]").text())
                    .isEqualTo("Titre : Ce champ est obligatoire.");
            Element title = page.selectFirst("#f-title");
            assertThat(title.attr("aria-invalid")).isEqualTo("true");
            assertThat(title.attr("aria-describedby")).isEqualTo("f-title-error");
            assertThat(page.select("#f-slug").attr("value")).as("input kept").isEqualTo(slug);
            assertThat(cycles.cycle(slug)).isEmpty();
        }

        @Test
        void badSlugInEnglish() throws Exception {
            Document page = html(mvc.perform(
                            cycleForm("/admin/cycles", "Title", "Not A Slug!").header("Accept-Language", "en"))
                    .andExpect(status().isUnprocessableContent()));
            assertThat(page.select("#f-slug-error").text()).startsWith("Only lower-case letters");
            assertThat(page.select("#f-slug").attr("aria-describedby")).isEqualTo("f-slug-hint f-slug-error");
        }

        @Test
        void unknownTimeZone() throws Exception {
            String slug = unique("zone");
            Document page = html(mvc.perform(cycleForm("/admin/cycles", "Title", slug, "timeZone", "Mars/Olympus"))
                    .andExpect(status().isUnprocessableContent()));
            assertThat(page.select("#f-timeZone-error").text()).startsWith("Fuseau horaire inconnu");
            assertThat(cycles.cycle(slug)).isEmpty();
        }

        @Test
        void duplicateSlugOnCreateAndOnEdit() throws Exception {
            String taken = unique("taken");
            fixtures.cycle(taken);
            Document page = html(mvc.perform(cycleForm("/admin/cycles", "Other title", taken))
                    .andExpect(status().isUnprocessableContent()));
            assertThat(page.select("#f-slug-error").text()).startsWith("Cette adresse est déjà utilisée");
            assertThat(cycles.cycle(taken).orElseThrow().title()).isEqualTo("Cycle " + taken);

            String other = unique("other");
            long otherId = fixtures.cycle(other);
            mvc.perform(cycleForm("/admin/cycles/" + otherId, "Other", taken))
                    .andExpect(status().isUnprocessableContent());
            assertThat(cycles.cycle(otherId).orElseThrow().slug()).isEqualTo(other);
        }

        @Test
        void languageOutsideTheList() throws Exception {
            String slug = unique("lang");
            mvc.perform(cycleForm("/admin/cycles", "Title", slug, "language", "de"))
                    .andExpect(status().isUnprocessableContent());
            assertThat(cycles.cycle(slug)).isEmpty();
        }
    }

    @Nested
    class Access {

        @Test
        void unknownIdsAreNotFound() throws Exception {
            mvc.perform(get("/admin/cycles/987654321")).andExpect(status().isNotFound());
            mvc.perform(get("/admin/cycles/not-a-number")).andExpect(status().isNotFound());
            mvc.perform(post("/admin/cycles/987654321/publish").with(csrf())).andExpect(status().isNotFound());
        }

        @Test
        void postWithoutCsrfTokenIsForbiddenAndSavesNothing() throws Exception {
            String slug = unique("csrf");
            mvc.perform(post("/admin/cycles").param("title", "No token").param("slug", slug))
                    .andExpect(status().isForbidden());
            assertThat(cycles.cycle(slug)).isEmpty();
        }

        @Test
        @WithAnonymousUser
        void anonymousVisitorsAreSentToSignIn() throws Exception {
            mvc.perform(get("/admin/cycles/new")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }

        @Test
        @WithMockUser(roles = "PARTICIPANT")
        void participantsAreForbidden() throws Exception {
            mvc.perform(get("/admin")).andExpect(status().isForbidden());
            mvc.perform(cycleForm("/admin/cycles", "Title", unique("participant")))
                    .andExpect(status().isForbidden());
        }

        @Autowired
        ApplicationContext context;

        @Autowired
        CycleAdminController cycleAdmin;

        @Test
        void adminControllersCheckTheRoleThemselvesToo() {
            Map<String, Object> controllers = context.getBeansWithAnnotation(Controller.class);
            List<Object> admin = controllers.values().stream()
                    .filter(bean ->
                            AopUtils.getTargetClass(bean).getSimpleName().endsWith("AdminController"))
                    .toList();
            assertThat(admin).hasSizeGreaterThanOrEqualTo(4);
            for (Object bean : admin) {
                Class<?> type = AopUtils.getTargetClass(bean);
                assertThat(type.getAnnotation(PreAuthorize.class))
                        .as(
                                "%s must carry @PreAuthorize(\"hasRole('ORGANISER')\") as a second line of defence",
                                type.getSimpleName())
                        .isNotNull()
                        .extracting(PreAuthorize::value)
                        .isEqualTo("hasRole('ORGANISER')");
            }

            // Called past the URL rules, a participant is still refused.
            var participant = new TestingAuthenticationToken("someone", "n/a", "ROLE_PARTICIPANT");
            SecurityContextHolder.getContext().setAuthentication(participant);
            assertThatThrownBy(() -> cycleAdmin.dashboard(new ExtendedModelMap()))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}

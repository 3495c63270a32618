package org.parcours.cycle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parcours.cycle.web.AdminFixtures.html;
import static org.parcours.cycle.web.AdminFixtures.idFromRedirect;
import static org.parcours.cycle.web.AdminFixtures.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.CycleEditor;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.CycleStatus;
import org.parcours.cycle.Training;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Trainings in the admin: create, edit, publish through the status field, and invalid input. */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(roles = "ORGANISER")
class TrainingAdminIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    CycleEditor editor;

    @Autowired
    CycleService cycles;

    private static MockHttpServletRequestBuilder form(String path, String slug, String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "Maturité coopérative " + slug);
        fields.put("slug", slug);
        fields.put("summary", "Trois jours pour aller plus loin.");
        fields.put("description", "");
        fields.put("place", "Paris");
        fields.put("startsOn", "2026-06-15");
        fields.put("endsOn", "2026-06-17");
        fields.put("capacity", "16");
        fields.put("priceText", "900 €");
        fields.put("status", "DRAFT");
        fields.put("cycleId", "");
        return AdminFixtures.form(path, fields, overrides);
    }

    @Test
    void createEditAndPublish() throws Exception {
        String slug = unique("maturite");
        long id = idFromRedirect(mvc.perform(form("/admin/trainings", slug))
                .andExpect(flash().attribute("flash", "admin.flash.trainingCreated")));
        Training created = editor.training(id).orElseThrow();
        assertThat(created.days()).isEqualTo(3);
        assertThat(created.cycleId()).isNull();
        assertThat(cycles.publishedTraining(slug)).isEmpty();

        long cycleId = new AdminFixtures(mvc).cycle(unique("with-training"));
        mvc.perform(form(
                        "/admin/trainings/" + id,
                        slug,
                        "status",
                        "PUBLISHED",
                        "endsOn",
                        "2026-06-15",
                        "cycleId",
                        String.valueOf(cycleId)))
                .andExpect(redirectedUrl("/admin/trainings/" + id));
        Training published = cycles.publishedTraining(slug).orElseThrow();
        assertThat(published.endsOn()).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(published.cycleId()).isEqualTo(cycleId);
        assertThat(published.updatedAt()).isAfterOrEqualTo(created.updatedAt());

        Document dashboard = html(mvc.perform(get("/admin")));
        assertThat(dashboard.select("#trainings ~ div a[href=/admin/trainings/" + id + "]"))
                .isNotEmpty();
    }

    @Test
    void endBeforeStartIsRefused() throws Exception {
        String slug = unique("backwards");
        Document page = html(mvc.perform(form("/admin/trainings", slug, "endsOn", "2026-06-14"))
                .andExpect(status().isUnprocessableContent()));
        assertThat(page.select("#f-endsOn-error").text()).startsWith("La date de fin");
        assertThat(page.select(".error-summary a[href=#f-endsOn]")).hasSize(1);
        assertThat(editor.allTrainings()).noneMatch(t -> t.slug().equals(slug));
    }

    @Test
    void unknownCycleStatusAndDuplicateSlugAreRefused() throws Exception {
        String slug = unique("refused");
        mvc.perform(form("/admin/trainings", slug, "cycleId", "987654321"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(form("/admin/trainings", slug, "status", "SECRET")).andExpect(status().isUnprocessableContent());
        assertThat(editor.allTrainings()).noneMatch(t -> t.slug().equals(slug));

        mvc.perform(form("/admin/trainings", slug)).andExpect(status().is3xxRedirection());
        Document page = html(mvc.perform(form("/admin/trainings", slug)).andExpect(status().isUnprocessableContent()));
        assertThat(page.select("#f-slug-error").text()).startsWith("Cette adresse est déjà utilisée");
        assertThat(editor.allTrainings().stream().filter(t -> t.slug().equals(slug)))
                .singleElement()
                .extracting(Training::status)
                .isEqualTo(CycleStatus.DRAFT);
    }

    @Test
    void unknownTrainingIsNotFound() throws Exception {
        mvc.perform(get("/admin/trainings/987654321")).andExpect(status().isNotFound());
        mvc.perform(form("/admin/trainings/987654321", unique("nope"))).andExpect(status().isNotFound());
    }
}

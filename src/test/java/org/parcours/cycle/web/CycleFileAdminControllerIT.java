package org.parcours.cycle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.CycleService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/** The admin import and export pages, through the whole web stack (security, CSRF, templates, messages). */
@SpringBootTest
@AutoConfigureMockMvc
class CycleFileAdminControllerIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    CycleService cycles;

    static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String validFile(String slug) {
        return """
                format: parcours-cycle/1
                slug: %s
                title: Cycle importé
                status: published
                sessions:
                  - slug: une
                    title: Une
                    start: 2027-01-07T18:00
                    durationMinutes: 60
                  - slug: deux
                    title: Deux
                    start: 2027-01-14T18:00
                    durationMinutes: 60
                """.formatted(slug);
    }

    static MockMultipartFile upload(String content) {
        return new MockMultipartFile(
                "file", "cycle.yaml", "application/yaml", content.getBytes(StandardCharsets.UTF_8));
    }

    @Nested
    @WithMockUser(roles = "ORGANISER")
    class Organiser {

        @Test
        void formHasFileInputTextareaAndCsrfField() throws Exception {
            String html = mvc.perform(get("/admin/cycles/import"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            Document page = Jsoup.parse(html);
            assertThat(page.select("form[enctype=multipart/form-data][method=post]"))
                    .hasSize(1);
            assertThat(page.select("input[type=file][name=file]")).hasSize(1);
            assertThat(page.select("textarea[name=text]")).hasSize(1);
            assertThat(page.select("input[type=hidden][name=_csrf]").attr("value"))
                    .isNotBlank();
            assertThat(page.select("label[for=cycle-file]").text()).isEqualTo("Fichier de cycle (.yaml)");
        }

        @Test
        void uploadedFileIsImportedThenRedirectsWithAFlashMessage() throws Exception {
            String slug = slug("web-upload");
            mvc.perform(multipart("/admin/cycles/import")
                            .file(upload(validFile(slug)))
                            .with(csrf()))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/admin"))
                    .andExpect(flash().attribute("flash", "Cycle « Cycle importé » importé avec 2 session(s)."));
            assertThat(cycles.cycle(slug)).isPresent();
        }

        @Test
        void pastedTextIsImportedToo() throws Exception {
            String slug = slug("web-paste");
            mvc.perform(multipart("/admin/cycles/import")
                            .param("text", validFile(slug))
                            .with(csrf())
                            .header("Accept-Language", "en"))
                    .andExpect(status().isFound())
                    .andExpect(flash().attribute("flash", "Cycle “Cycle importé” imported with 2 session(s)."));
            assertThat(cycles.cycle(slug)).isPresent();
        }

        @Test
        void problemsReRenderTheFormWith422ListingLineFieldAndMessage() throws Exception {
            String slug = slug("web-bad");
            String bad = validFile(slug)
                    .replace("durationMinutes: 60\n  - slug: deux", "durationMinutes: 0\n  - slug: deux")
                    .replace("title: Deux", "title: Deux\n    livestreamUrl: javascript:alert(1)");
            String html = mvc.perform(
                            multipart("/admin/cycles/import").param("text", bad).with(csrf()))
                    .andExpect(status().isUnprocessableContent())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            Document page = Jsoup.parse(html);
            assertThat(page.select("#problems li"))
                    .extracting(e -> e.text())
                    .containsExactly(
                            "Ligne 9 · sessions[0].durationMinutes 0 n’est pas accepté ici : la valeur doit être comprise entre 1 et 1440.",
                            "Ligne 12 · sessions[1].livestreamUrl Adresse « javascript:alert(1) » invalide : une adresse web complète est attendue (http:// ou https://).");
            assertThat(page.select("textarea[name=text]").text()).contains("javascript:alert(1)");
            assertThat(cycles.cycle(slug)).isEmpty();
        }

        @Test
        void problemsAreShownInEnglishToo() throws Exception {
            String html = mvc.perform(multipart("/admin/cycles/import")
                            .file(upload("format: parcours-cycle/1\nslug: x\n  title: y\n"))
                            .with(csrf())
                            .header("Accept-Language", "en"))
                    .andExpect(status().isUnprocessableContent())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(Jsoup.parse(html).select("#problems li").text())
                    .startsWith("Line 3 This is not valid YAML here (");
        }

        @Test
        void latin1FileIsRefusedWithItsLine() throws Exception {
            byte[] latin1 = validFile(slug("web-latin")).getBytes(StandardCharsets.ISO_8859_1);
            String html = mvc.perform(multipart("/admin/cycles/import")
                            .file(new MockMultipartFile("file", "c.yaml", "application/yaml", latin1))
                            .with(csrf()))
                    .andExpect(status().isUnprocessableContent())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(Jsoup.parse(html).select("#problems li").text())
                    .startsWith("Ligne 3 Le fichier n’est pas encodé en UTF-8");
        }

        @Test
        void nothingGivenIs422() throws Exception {
            mvc.perform(multipart("/admin/cycles/import").param("text", "  ").with(csrf()))
                    .andExpect(status().isUnprocessableContent());
        }

        @Test
        void exportDownloadsTheCycleFile() throws Exception {
            String slug = slug("web-export");
            mvc.perform(multipart("/admin/cycles/import")
                            .file(upload(validFile(slug)))
                            .with(csrf()))
                    .andExpect(status().isFound());
            long id = cycles.cycle(slug).orElseThrow().id();
            String yaml = mvc.perform(get("/admin/cycles/{id}/export", id))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "application/yaml;charset=UTF-8"))
                    .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + slug + ".yaml\""))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(yaml).contains("format: parcours-cycle/1", "slug: " + slug, "title: Cycle importé");
        }

        @Test
        void unknownOrMalformedIdsGive404() throws Exception {
            mvc.perform(get("/admin/cycles/{id}/export", Long.MAX_VALUE)).andExpect(status().isNotFound());
            mvc.perform(get("/admin/cycles/abc/export")).andExpect(status().isNotFound());
        }

        @Test
        void exampleFileIsOffered() throws Exception {
            String yaml = mvc.perform(get("/admin/cycles/import/example"))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Disposition", "attachment; filename=\"cycle-example.yaml\""))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(yaml).contains("format: parcours-cycle/1", "firstDate: next-thursday");
        }

        @Test
        void withoutCsrfTokenNothingIsImported() throws Exception {
            String slug = slug("web-nocsrf");
            mvc.perform(multipart("/admin/cycles/import").file(upload(validFile(slug))))
                    .andExpect(status().isForbidden());
            assertThat(cycles.cycle(slug)).isEmpty();
        }
    }

    @Nested
    class NotOrganiser {

        @Test
        void visitorsAreSentToSignIn() throws Exception {
            mvc.perform(get("/admin/cycles/import"))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/login"));
            mvc.perform(get("/admin/cycles/1/export"))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/login"));
        }

        @Test
        @WithMockUser(roles = "PARTICIPANT")
        void participantsAreForbidden() throws Exception {
            String slug = slug("web-participant");
            mvc.perform(get("/admin/cycles/import")).andExpect(status().isForbidden());
            mvc.perform(multipart("/admin/cycles/import")
                            .file(upload(validFile(slug)))
                            .with(csrf()))
                    .andExpect(status().isForbidden());
            assertThat(cycles.cycle(slug)).isEmpty();
        }
    }
}

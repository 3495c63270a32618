package org.parcours.library.bibliography.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleFixtures;
import org.parcours.cycle.CycleStatus;
import org.parcours.cycle.Session;
import org.parcours.library.bibliography.Bibliography;
import org.parcours.library.bibliography.Owner;
import org.parcours.library.bibliography.Reference;
import org.parcours.library.bibliography.ReferenceData;
import org.parcours.library.bibliography.ReferenceFiles;
import org.parcours.library.bibliography.Samples;
import org.parcours.library.search.SearchContentChanged;
import org.parcours.library.search.SearchDocument;
import org.parcours.library.search.SearchSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * An organiser imports, checks, confirms, edits, reorders and deletes the references of a session and of a
 * cycle; visitors see them on the public pages with COinS and export them. Broken files save nothing and are
 * answered with the reason; people who are not organisers are refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CycleFixtures.class)
@WithMockUser(roles = "ORGANISER")
@RecordApplicationEvents
class BibliographyAdminIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    CycleFixtures cycles;

    @Autowired
    Bibliography bibliography;

    @Autowired
    List<SearchSource> sources;

    @Autowired
    ApplicationEvents events;

    Cycle cycle;
    Session session;
    String base;
    Owner owner;

    @BeforeEach
    void aPublishedCycleWithTwoSessions() {
        cycle = cycles.publishedCycle("Bibliography cycle");
        session = cycles.session(cycle, 1, "Résilience", OffsetDateTime.parse("2020-04-02T16:00:00Z"), 60);
        cycles.session(cycle, 2, "Second", OffsetDateTime.parse("2020-04-09T16:00:00Z"), 60);
        base = "/admin/sessions/" + session.id() + "/references";
        owner = Owner.session(cycle.id(), session.id());
    }

    private ResultActions upload(String path, String fileName, byte[] content) throws Exception {
        return mvc.perform(multipart(path + "/import")
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                .with(csrf())
                .locale(Locale.FRENCH));
    }

    private static Document html(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private List<String> titles(Owner o) {
        return bibliography.of(o).stream().map(Reference::title).toList();
    }

    /** Uploads, checks the preview saved nothing, confirms; returns the preview. */
    private Document importAndConfirm(String path, Owner o, String fileName, byte[] content) throws Exception {
        int before = bibliography.of(o).size();
        Document preview = html(upload(path, fileName, content).andExpect(status().isOk()));
        assertThat(bibliography.of(o)).as("nothing saved before confirmation").hasSize(before);
        Element form = preview.selectFirst("form[action$=/import/confirm]");
        assertThat(form).isNotNull();
        mvc.perform(post(form.attr("action"))
                        .param("content", form.select("input[name=content]").val())
                        .param("fileName", form.select("input[name=fileName]").val())
                        .with(csrf())
                        .locale(Locale.FRENCH))
                .andExpect(redirectedUrl(path));
        return preview;
    }

    @Test
    void importPreviewConfirmThenPublicPageAndExports() throws Exception {
        Document preview = importAndConfirm(base, owner, "cooperation.bib", Samples.bytes("cooperation.bib"));

        assertThat(preview.select(".reference-table tbody tr")).hasSize(5);
        assertThat(preview.select(".reference-table").text()).contains("Introduction à la pensée complexe");
        assertThat(titles(owner))
                .containsExactly(
                        "The Evolution of Cooperation",
                        "Governing the Commons: The Evolution of Institutions for Collective Action",
                        "Introduction à la pensée complexe",
                        "L'entraide, l'autre loi de la jungle",
                        "Together: The Rituals, Pleasures and Politics of Cooperation");
        assertThat(events.stream(SearchContentChanged.class))
                .contains(new SearchContentChanged("bibliography", cycle.id()));

        // the public session page: each reference with its anchor, COinS and links; the export links
        String page = "/cycles/" + cycle.slug() + "/sessions/" + session.slug();
        Document publicPage = html(
                mvc.perform(get(page).with(anonymous()).locale(Locale.FRENCH)).andExpect(status().isOk()));
        Reference first = bibliography.of(owner).get(0);
        Element item = publicPage.selectFirst("section[aria-labelledby=bibliography] li#reference-" + first.id());
        assertThat(item).isNotNull();
        assertThat(item.select("p.citation").text())
                .isEqualTo(
                        "AXELROD, Robert, 1984. The Evolution of Cooperation. New York : Basic Books. ISBN 0-465-02121-2.");
        assertThat(item.select("span.Z3988").attr("title"))
                .startsWith("ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Abook&")
                .contains("rft.btitle=The%20Evolution%20of%20Cooperation");
        assertThat(item.select("a[href=https://openlibrary.org/isbn/0465021212]")
                        .attr("rel"))
                .isEqualTo("noopener noreferrer");
        assertThat(publicPage.select(".reference-exports a").eachAttr("href"))
                .containsExactly(page + "/references.bib", page + "/references.ris", page + "/references.json");

        // exports, read back
        var bib = mvc.perform(get(page + "/references.bib").with(anonymous()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/x-bibtex;charset=UTF-8"))
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"" + cycle.slug() + "-" + session.slug() + "-references.bib\""))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        List<ReferenceData> stored =
                bibliography.of(owner).stream().map(Reference::data).toList();
        assertThat(ReferenceFiles.read(bib, "x.bib").data()).isEqualTo(stored);
        var ris = mvc.perform(get(page + "/references.ris").with(anonymous()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/x-research-info-systems;charset=UTF-8"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(ReferenceFiles.read(ris, "x.ris").data()).isEqualTo(stored);
        String json = mvc.perform(get(page + "/references.json").with(anonymous()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/vnd.citationstyles.csl+json;charset=UTF-8"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"title\" : \"Introduction à la pensée complexe\"");

        // the cycle export holds the session's references; a search document points at the reference
        String cycleBib = mvc.perform(
                        get("/cycles/" + cycle.slug() + "/references.bib").with(anonymous()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(cycleBib).contains("@book{axelrod1984,");
        SearchSource source = sources.stream()
                .filter(s -> s.name().equals("bibliography"))
                .findFirst()
                .orElseThrow();
        SearchDocument doc = source.documents(cycle.id()).stream()
                .filter(d -> d.key().equals("reference:" + first.id()))
                .findFirst()
                .orElseThrow();
        assertThat(doc.url()).isEqualTo(page + "#reference-" + first.id());
        assertThat(doc.kind()).isEqualTo("reference");
        assertThat(doc.text()).startsWith("AXELROD, Robert, 1984.");
    }

    @Test
    void brokenRecordsAreListedWithLinesAndNothingIsSavedUntilConfirmed() throws Exception {
        String bib = """
                @book{ok, title = {Lisible}, year = 2001}
                @book{broken, title = {Jamais fermé, year = 2000

                @book{notitle, year = 1999}
                """;
        Document preview = html(
                upload(base, "mixed.bib", bib.getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk()));

        assertThat(preview.select(".broken-records li").eachText())
                .containsExactly(
                        "Ligne 2 : enregistrement @book illisible (accolade ou virgule manquante ?).",
                        "Ligne 4 : Le titre manque.");
        assertThat(preview.select(".reference-table tbody tr")).hasSize(1);
        assertThat(titles(owner)).isEmpty();
    }

    @Test
    void aFileWithNothingReadableIsRefusedWith422() throws Exception {
        Document broken = html(upload(base, "broken.ris", "TY  - BOOK\nPY  - 2001\n".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isUnprocessableContent()));
        assertThat(broken.select(".broken-records li").text()).contains("Ligne 1");
        assertThat(broken.select("form[action$=/import/confirm]")).isEmpty();

        Document empty = html(upload(base, "empty.bib", new byte[0]).andExpect(status().isUnprocessableContent()));
        assertThat(empty.select(".error-summary li").text()).contains("Le fichier est vide");

        Document unknown = html(upload(base, "x.txt", "bonjour".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isUnprocessableContent()));
        assertThat(unknown.select(".error-summary li").text()).contains("BibTeX (.bib) et RIS (.ris)");

        mvc.perform(post(base + "/import/confirm")
                        .param("content", "%%%")
                        .with(csrf())
                        .locale(Locale.FRENCH))
                .andExpect(status().isUnprocessableContent());
        assertThat(titles(owner)).isEmpty();
    }

    @Test
    void formAddsEditsAndRefusesInvalidReferencesInTheUsersLanguage() throws Exception {
        Document refused = html(mvc.perform(post(base)
                        .param("kind", "ARTICLE")
                        .param("authors", "Dupont, Marie\nInsTerCoop")
                        .param("title", "")
                        .param("year", "deux mille")
                        .param("doi", "not-a-doi")
                        .with(csrf())
                        .locale(Locale.ENGLISH))
                .andExpect(status().isUnprocessableContent()));
        assertThat(refused.select(".error-summary li").eachText())
                .contains(
                        "Title: The title is missing.",
                        "Year: The year must be a number from 1 to 9999.",
                        "DOI: The DOI is not valid: it starts with 10. followed by a number, a slash and a suffix.");
        assertThat(refused.select("#f-authors").text()).isEqualTo("Dupont, Marie\nInsTerCoop");
        assertThat(titles(owner)).isEmpty();

        mvc.perform(post(base)
                        .param("kind", "ARTICLE")
                        .param("authors", "Dupont, Marie\nInsTerCoop")
                        .param("title", "Coopérer en temps de crise")
                        .param("container", "Revue")
                        .param("year", "2020")
                        .param("pages", "12-34")
                        .param("doi", "https://doi.org/10.1234/abc")
                        .param("note", "Sur la résilience.")
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        Reference added = bibliography.of(owner).get(0);
        assertThat(added.authors()).hasSize(2);
        assertThat(added.authors().get(1).literal()).isEqualTo("InsTerCoop");
        assertThat(added.doi()).isEqualTo("10.1234/abc");
        assertThat(added.pages()).isEqualTo("12–34");

        Document edit = html(mvc.perform(get("/admin/references/" + added.id())).andExpect(status().isOk()));
        assertThat(edit.select("#f-title").val()).isEqualTo("Coopérer en temps de crise");
        mvc.perform(post("/admin/references/" + added.id())
                        .param("kind", "CHAPTER")
                        .param("authors", "Dupont, Marie")
                        .param("title", "Coopérer, toujours")
                        .with(csrf()))
                .andExpect(redirectedUrl(base + "#reference-" + added.id()));
        assertThat(bibliography.reference(added.id()).orElseThrow().title()).isEqualTo("Coopérer, toujours");
    }

    @Test
    void referencesMoveUpAndDownAndAreDeletedOfACycleToo() throws Exception {
        String cycleBase = "/admin/cycles/" + cycle.id() + "/references";
        Owner cycleOwner = Owner.cycle(cycle.id());
        importAndConfirm(cycleBase, cycleOwner, "cooperation.ris", Samples.bytes("cooperation.ris"));
        List<Reference> refs = bibliography.of(cycleOwner);
        assertThat(refs).hasSize(4);

        mvc.perform(post("/admin/references/" + refs.get(2).id() + "/move")
                        .param("direction", "up")
                        .with(csrf()))
                .andExpect(redirectedUrl(cycleBase + "#reference-" + refs.get(2).id()));
        mvc.perform(post("/admin/references/" + refs.get(0).id() + "/move")
                        .param("direction", "up")
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(titles(cycleOwner))
                .containsExactly(
                        "The Evolution of Cooperation",
                        "Mutual Aid: A Factor of Evolution",
                        "Governing the Commons: The Evolution of Institutions for Collective Action",
                        "L'entraide, l'autre loi de la jungle");
        mvc.perform(post("/admin/references/" + refs.get(0).id() + "/delete").with(csrf()))
                .andExpect(redirectedUrl(cycleBase));
        assertThat(bibliography.of(cycleOwner)).extracting(Reference::position).containsExactly(1, 2, 3);

        Document list = html(mvc.perform(get(cycleBase).locale(Locale.FRENCH)).andExpect(status().isOk()));
        assertThat(list.select(".reference-table tbody tr")).hasSize(3);
        Document cyclePage = html(
                mvc.perform(get("/cycles/" + cycle.slug()).with(anonymous())).andExpect(status().isOk()));
        assertThat(cyclePage.select("section.bibliography li.reference")).hasSize(3);
        assertThat(cyclePage.select("span.Z3988")).hasSize(3);
    }

    @Test
    void draftsHaveNoExportAndOnlyOrganisersEdit() throws Exception {
        Cycle draft = cycles.cycle("Draft", CycleStatus.DRAFT, "");
        mvc.perform(get("/cycles/" + draft.slug() + "/references.bib").with(anonymous()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cycles/" + cycle.slug() + "/references.pdf").with(anonymous()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cycles/" + cycle.slug() + "/sessions/nope/references.bib")
                        .with(anonymous()))
                .andExpect(status().isNotFound());

        mvc.perform(get(base).with(user("someone").roles("PARTICIPANT"))).andExpect(status().isForbidden());
        mvc.perform(post(base)
                        .param("kind", "BOOK")
                        .param("title", "X")
                        .with(csrf())
                        .with(user("p").roles("PARTICIPANT")))
                .andExpect(status().isForbidden());
        mvc.perform(multipart(base + "/import")
                        .file(new MockMultipartFile("file", "c.bib", "text/plain", Samples.bytes("cooperation.bib")))
                        .with(csrf())
                        .with(anonymous()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base).param("kind", "BOOK").param("title", "X")).andExpect(status().isForbidden());
        assertThat(titles(owner)).isEmpty();
    }
}

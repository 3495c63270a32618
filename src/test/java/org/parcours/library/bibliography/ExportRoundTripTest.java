package org.parcours.library.bibliography;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Import the BibTeX sample, export it in every format, import the exports again: the same references. */
class ExportRoundTripTest {

    private final List<ReferenceData> sample = ReferenceFiles.read(Samples.bytes("cooperation.bib"), "cooperation.bib")
            .data();

    /** Every field filled, with characters that BibTeX and RIS treat specially. */
    static final ReferenceData HARD = new ReferenceData(
            ReferenceKind.CHAPTER,
            List.of(
                    Author.person("de La Fontaine", "Jean"),
                    Author.organisation("Institut {X} & Co"),
                    Author.person("Plato", null),
                    Author.person("Van Gogh", null)),
            "50% of {braces}, $1 #2 a_b, x--y, ``q'' ~ ^ \\ and L'œuvre – ok",
            "Le livre\u00A0: tome 2",
            "Éditions d'ici",
            "Paris",
            2020,
            "12–34",
            "https://example.org/a_b?x=1&y=%20",
            "10.1000/xyz_1",
            "978-2-07-036822-8",
            "fr",
            "Pourquoi : la note, sur plusieurs\nlignes.");

    private List<ReferenceData> all() {
        List<ReferenceData> all = new ArrayList<>(sample);
        all.add(HARD);
        all.add(new ReferenceData(
                ReferenceKind.VIDEO,
                List.of(),
                "Vidéo",
                null,
                null,
                null,
                null,
                null,
                "https://video.example/1",
                null,
                null,
                null,
                null));
        all.add(new ReferenceData(
                ReferenceKind.WEB_PAGE,
                List.of(),
                "Page",
                "Site",
                null,
                null,
                2024,
                "3",
                null,
                null,
                null,
                "en-GB",
                null));
        all.add(new ReferenceData(
                ReferenceKind.REPORT,
                List.of(Author.organisation("INSEE")),
                "Rapport",
                null,
                "INSEE",
                null,
                2019,
                null,
                null,
                null,
                null,
                null,
                null));
        all.add(new ReferenceData(
                ReferenceKind.ARTICLE,
                List.of(Author.person("Doe", "J.")),
                "Art",
                "Journal",
                null,
                null,
                1999,
                "7",
                null,
                null,
                null,
                null,
                null));
        return all;
    }

    @Test
    void bibtexGivesBackTheSameReferences() {
        String bib = BibtexWriter.write(all());

        ParsedFile back = ReferenceFiles.read(bib, "export.bib");

        assertThat(back.broken()).isEmpty();
        assertThat(back.data()).isEqualTo(expected());
        assertThat(bib).contains("@book{axelrod1984,", "@incollection{de2020,", "isbn = {0-465-02121-2}");
    }

    @Test
    void risGivesBackTheSameReferences() {
        String ris = RisWriter.write(all());

        ParsedFile back = ReferenceFiles.read(ris, "export.ris");

        assertThat(back.broken()).isEmpty();
        assertThat(back.data()).isEqualTo(expected());
        assertThat(ris).startsWith("TY  - BOOK\r\nAU  - Axelrod, Robert\r\nTI  - The Evolution of Cooperation\r\n");
    }

    @Test
    void cslJsonParsesAndHasTheFields() {
        List<Map<String, Object>> items = new ArrayList<>();
        CitationKeys keys = new CitationKeys();
        all().forEach(r -> items.add(CslJson.item(keys.next(r), r)));
        JsonMapper mapper = JsonMapper.builder().build();

        JsonNode json = mapper.readTree(mapper.writeValueAsString(items));

        assertThat(json.isArray()).isTrue();
        assertThat(json.size()).isEqualTo(all().size());
        JsonNode axelrod = json.get(0);
        assertThat(axelrod.get("id").asString()).isEqualTo("axelrod1984");
        assertThat(axelrod.get("type").asString()).isEqualTo("book");
        assertThat(axelrod.get("author").get(0).get("family").asString()).isEqualTo("Axelrod");
        assertThat(axelrod.get("author").get(0).get("given").asString()).isEqualTo("Robert");
        assertThat(axelrod.get("issued").get("date-parts").get(0).get(0).asInt())
                .isEqualTo(1984);
        assertThat(axelrod.get("publisher-place").asString()).isEqualTo("New York");
        assertThat(axelrod.get("ISBN").asString()).isEqualTo("0-465-02121-2");
        assertThat(json.get(1).get("DOI").asString()).isEqualTo("10.1017/CBO9780511807763");
        JsonNode hard = json.get(5);
        assertThat(hard.get("type").asString()).isEqualTo("chapter");
        assertThat(hard.get("author").get(1).get("literal").asString()).isEqualTo("Institut {X} & Co");
        assertThat(hard.get("container-title").asString()).isEqualTo("Le livre\u00A0: tome 2");
        assertThat(hard.get("page").asString()).isEqualTo("12–34");
        assertThat(hard.get("annote").asString()).startsWith("Pourquoi");
        assertThat(json.get(6).get("type").asString()).isEqualTo("motion_picture");
        assertThat(json.get(7).get("type").asString()).isEqualTo("webpage");
    }

    /** What an import keeps: notes on one line (RIS has no multi-line values). */
    private List<ReferenceData> expected() {
        return all().stream()
                .map(r -> r.note() == null
                        ? r
                        : ReferenceRules.normalise(new ReferenceData(
                                r.kind(),
                                r.authors(),
                                r.title(),
                                r.container(),
                                r.publisher(),
                                r.place(),
                                r.year(),
                                r.pages(),
                                r.url(),
                                r.doi(),
                                r.isbn(),
                                r.language(),
                                r.note().replaceAll("\\s+", " "))))
                .toList();
    }
}

package org.parcours.library.bibliography;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BibtexReaderTest {

    @Test
    void readsTheSampleWithAccentsBracesQuotesAndABareNumber() {
        ParsedFile file = ReferenceFiles.read(Samples.bytes("cooperation.bib"), "cooperation.bib");

        assertThat(file.problem()).isNull();
        assertThat(file.broken()).isEmpty();
        assertThat(file.references()).extracting(ParsedFile.Parsed::line).containsExactly(1, 10, 18, 26, 34);
        List<ReferenceData> refs = file.data();
        assertThat(refs.get(0))
                .isEqualTo(new ReferenceData(
                        ReferenceKind.BOOK,
                        List.of(Author.person("Axelrod", "Robert")),
                        "The Evolution of Cooperation",
                        null,
                        "Basic Books",
                        "New York",
                        1984,
                        null,
                        null,
                        null,
                        "0-465-02121-2",
                        null,
                        null));
        assertThat(refs.get(1).doi()).isEqualTo("10.1017/CBO9780511807763");
        assertThat(refs.get(2).title()).isEqualTo("Introduction à la pensée complexe");
        assertThat(refs.get(2).year()).isEqualTo(1990);
        assertThat(refs.get(3).authors())
                .containsExactly(Author.person("Servigne", "Pablo"), Author.person("Chapelle", "Gauthier"));
        assertThat(refs.get(3).publisher()).isEqualTo("Les Liens qui libérent");
        assertThat(refs.get(3).language()).isEqualTo("fr");
        assertThat(refs.get(4).title()).isEqualTo("Together: The Rituals, Pleasures and Politics of Cooperation");
    }

    @Test
    void stringsNamesTypesAndFieldsOfBiblatex() {
        String bib = """
                @string{cup = "Cambridge University Press"}
                @comment{ignored}
                @article{a,
                  author = {M{\\"u}ller, J{\\"o}rg and {Institut de la Coop{\\'e}ration} and Jean de La Fontaine and others},
                  title = {Fa{\\c c}ons de coop{\\'e}rer~: 50\\% \\& more},
                  journaltitle = {Revue},
                  pages = {12--34},
                  date = {2001-05},
                  location = {Lyon},
                  publisher = cup # { (UK)},
                  url = {https://example.org/a_b?x=1&y=2},
                  doi = {https://doi.org/10.1000/xyz_1},
                  month = jan,
                  annote = {Pourquoi c'est {\\'e}tonnant}
                }
                @online{o, title = {Site}, url = {https://x.org}, langid = {english}}
                @video{v, title = {Vid}, author = {Doe, J.}, year = {2019}}
                @techreport{r, title = {Rep}, institution = {INSEE}, year = 2019}
                @misc{m, title = {Misc}}
                """;
        ParsedFile file = ReferenceFiles.read(bib, null);

        assertThat(file.broken()).isEmpty();
        ReferenceData a = file.data().get(0);
        assertThat(a.kind()).isEqualTo(ReferenceKind.ARTICLE);
        assertThat(a.authors())
                .containsExactly(
                        Author.person("Müller", "Jörg"),
                        Author.organisation("Institut de la Coopération"),
                        Author.person("de La Fontaine", "Jean"));
        assertThat(a.title()).isEqualTo("Façons de coopérer\u00A0: 50% & more");
        assertThat(a.container()).isEqualTo("Revue");
        assertThat(a.pages()).isEqualTo("12–34");
        assertThat(a.year()).isEqualTo(2001);
        assertThat(a.place()).isEqualTo("Lyon");
        assertThat(a.publisher()).isEqualTo("Cambridge University Press (UK)");
        assertThat(a.url()).isEqualTo("https://example.org/a_b?x=1&y=2");
        assertThat(a.doi()).isEqualTo("10.1000/xyz_1");
        assertThat(a.note()).isEqualTo("Pourquoi c'est étonnant");
        assertThat(file.data())
                .extracting(ReferenceData::kind)
                .containsExactly(
                        ReferenceKind.ARTICLE,
                        ReferenceKind.WEB_PAGE,
                        ReferenceKind.VIDEO,
                        ReferenceKind.REPORT,
                        ReferenceKind.REPORT);
        assertThat(file.data().get(1).language()).isEqualTo("en");
        assertThat(file.data().get(3).publisher()).isEqualTo("INSEE");
    }

    @Test
    void brokenRecordsAreListedWithTheirLineAndTheOthersKept() {
        String bib = """
                @book{ok1, title = {First}, year = 2000}

                @book{broken, title = {No closing brace, year = 2000

                @article{undefined, title = nomacro}
                @book{notitle, year = 1999}
                @unknownthing{x, title = {Y}}
                @book{baddoi, title = {Z}, doi = {not-a-doi}}
                @book{ok2,
                  title = {Second}
                }
                """;
        ParsedFile file = ReferenceFiles.read(bib, "refs.bib");

        assertThat(file.data()).extracting(ReferenceData::title).containsExactly("First", "Second");
        assertThat(file.references()).extracting(ParsedFile.Parsed::line).containsExactly(1, 9);
        assertThat(file.broken())
                .extracting(ParsedFile.Broken::line, ParsedFile.Broken::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "bibliography.broken.syntax"),
                        org.assertj.core.groups.Tuple.tuple(5, "bibliography.broken.undefinedString"),
                        org.assertj.core.groups.Tuple.tuple(6, "bibliography.problem.titleRequired"),
                        org.assertj.core.groups.Tuple.tuple(7, "bibliography.broken.unknownType"),
                        org.assertj.core.groups.Tuple.tuple(8, "bibliography.problem.doi"));
    }

    @Test
    void crlfAndByteOrderMarkChangeNothing() {
        byte[] sample = Samples.bytes("cooperation.bib");
        String crlf = new String(sample, java.nio.charset.StandardCharsets.UTF_8).replace("\n", "\r\n");
        byte[] bom = ("\uFEFF" + crlf).getBytes(java.nio.charset.StandardCharsets.UTF_8);

        ParsedFile file = ReferenceFiles.read(bom, "cooperation.bib");

        assertThat(file.data())
                .isEqualTo(ReferenceFiles.read(sample, "cooperation.bib").data());
        assertThat(file.references()).extracting(ParsedFile.Parsed::line).containsExactly(1, 10, 18, 26, 34);
    }

    @Test
    void emptyUnknownAndTooLargeFilesAreRefusedAsAWhole() {
        assertThat(ReferenceFiles.read(new byte[0], "x.bib").problem()).isEqualTo("bibliography.import.empty");
        assertThat(ReferenceFiles.read("  \n\n", null).problem()).isEqualTo("bibliography.import.empty");
        assertThat(ReferenceFiles.read("just some text", null).problem())
                .isEqualTo("bibliography.import.unknownFormat");
        assertThat(ReferenceFiles.read("% a comment @ nothing", "x.bib").problem())
                .isEqualTo("bibliography.import.noReference");
        assertThat(ReferenceFiles.read(new byte[ReferenceFiles.MAX_SIZE + 1], "x.bib")
                        .problem())
                .isEqualTo("bibliography.import.tooLarge");
    }
}

package org.parcours.library.bibliography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RisReaderTest {

    @Test
    void readsTheSample() {
        ParsedFile file = ReferenceFiles.read(Samples.bytes("cooperation.ris"), "cooperation.ris");

        assertThat(file.format()).isEqualTo(ParsedFile.Format.RIS);
        assertThat(file.broken()).isEmpty();
        assertThat(file.references()).extracting(ParsedFile.Parsed::line).containsExactly(1, 10, 18, 24);
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
        assertThat(refs.get(2).title()).isEqualTo("Mutual Aid: A Factor of Evolution");
        assertThat(refs.get(3).authors())
                .containsExactly(Author.person("Servigne", "Pablo"), Author.person("Chapelle", "Gauthier"));
        assertThat(refs.get(3).publisher()).isEqualTo("Les Liens qui libèrent");
        assertThat(refs.get(3).language()).isEqualTo("fr");
    }

    @Test
    void crlfBomAndLatin1GiveTheSameReferences() {
        String sample = Samples.text("cooperation.ris");
        List<ReferenceData> expected = ReferenceFiles.read(sample, null).data();
        byte[] crlfBom = ("\uFEFF" + sample.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = sample.replace("\n", "\r\n").getBytes(Charset.forName("windows-1252"));

        assertThat(ReferenceFiles.read(crlfBom, "x.ris").data()).isEqualTo(expected);
        assertThat(ReferenceFiles.read(latin1, "x.ris").data()).isEqualTo(expected);
        assertThat(ReferenceFiles.read(latin1, null).data().get(3).publisher()).isEqualTo("Les Liens qui libèrent");
    }

    @Test
    void fieldsOfArticlesChaptersAndWrappedValues() {
        String ris = """
                TY  - JOUR
                AU  - Dupont, Marie
                AU  - InsTerCoop
                TI  - Coopérer en temps de crise :
                  une revue
                JO  - Revue de la coopération
                SP  - 12
                EP  - 34
                PY  - 2020/04/02/
                UR  - https://example.org/article
                DO  - 10.1234/abc.5
                N1  - Lue pendant la session 1.
                ER  -\s
                TY  - CHAP
                TI  - Un chapitre
                T2  - Un livre
                ER  -
                """;
        ParsedFile file = ReferenceFiles.read(ris, null);

        assertThat(file.broken()).isEmpty();
        ReferenceData a = file.data().get(0);
        assertThat(a.kind()).isEqualTo(ReferenceKind.ARTICLE);
        assertThat(a.authors()).containsExactly(Author.person("Dupont", "Marie"), Author.organisation("InsTerCoop"));
        assertThat(a.title()).isEqualTo("Coopérer en temps de crise : une revue");
        assertThat(a.container()).isEqualTo("Revue de la coopération");
        assertThat(a.pages()).isEqualTo("12–34");
        assertThat(a.year()).isEqualTo(2020);
        assertThat(a.doi()).isEqualTo("10.1234/abc.5");
        assertThat(a.note()).isEqualTo("Lue pendant la session 1.");
        assertThat(file.data().get(1).container()).isEqualTo("Un livre");
    }

    @Test
    void brokenRecordsHaveTheirLineNumbers() {
        String ris = """
                AU  - Orphan, Tag
                TY  - BOOK
                TI  - Never closed
                TY  - BOOK
                TI  - Fine
                ER  -
                TY  - XXXX
                TI  - Unknown type
                ER  -
                TY  - BOOK
                PY  - 2001
                ER  -
                TY  - BOOK
                TI  - Also fine
                ER  -
                TY  - BOOK
                TI  - Cut off at the end
                """;
        ParsedFile file = ReferenceFiles.read(ris, "x.ris");

        assertThat(file.data()).extracting(ReferenceData::title).containsExactly("Fine", "Also fine");
        assertThat(file.broken())
                .extracting(ParsedFile.Broken::line, ParsedFile.Broken::messageKey)
                .containsExactly(
                        tuple(1, "bibliography.broken.outside"),
                        tuple(2, "bibliography.broken.notClosed"),
                        tuple(7, "bibliography.broken.unknownType"),
                        tuple(10, "bibliography.problem.titleRequired"),
                        tuple(16, "bibliography.broken.notClosed"));
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(ReferenceFiles.read(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "x.ris")
                        .problem())
                .isEqualTo("bibliography.import.empty");
    }
}

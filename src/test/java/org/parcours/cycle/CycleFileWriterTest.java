package org.parcours.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CycleFileWriterTest {

    final CycleFileReader reader = new CycleFileReader(CycleFileReaderTest.CLOCK);
    final CycleFileWriter writer = new CycleFileWriter();

    CycleFile roundTrip(CycleFile file) {
        String yaml = writer.write(file);
        CycleFileReader.Reading reading = reader.read(yaml);
        assertThat(reading.problems()).as(yaml).isEmpty();
        return reading.file();
    }

    @Test
    void bothDemoFilesSurviveWriteThenRead() throws IOException {
        for (String name : List.of("cooperation-2020.yaml", "cooperation-next.yaml")) {
            CycleFile file = reader.read(CycleFileReaderTest.resource(name)).file();
            assertThat(roundTrip(file)).isEqualTo(file);
        }
    }

    @Test
    void writesTheDocumentedFieldsInOrderWithExplicitStarts() throws IOException {
        CycleFile file = reader.read(CycleFileReaderTest.resource("cooperation-next.yaml"))
                .file();
        String yaml = writer.write(file);
        assertThat(yaml)
                .startsWith("# Parcours cycle file")
                .contains("format: parcours-cycle/1\nslug: cooperation-nouvelle-edition\n")
                .contains("start: 2026-12-03T18:00")
                .doesNotContain("schedule")
                .contains("description: |");
        assertThat(yaml.indexOf("slug:")).isLessThan(yaml.indexOf("title:"));
    }

    /** Strings that YAML would read as something else if they were written without care. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "null",
                "~",
                "yes",
                "No",
                "true",
                "123",
                "0x1F",
                "1e3",
                "2020-04-02",
                "18:00",
                "a: b",
                "# not a comment",
                "- not a list",
                "'single'",
                "\"double\"",
                "[x]",
                "{y}",
                "*alias",
                "&anchor",
                "!tag",
                "%",
                "@at",
                "`tick`",
                "é à ’ « » — 🌱",
                "tab\there",
                "line one\nline two",
                "ends with colon:",
                "?",
                "|",
                ">"
            })
    void awkwardTextComesBackUnchanged(String text) {
        CycleFile file = new CycleFile(
                "awkward",
                text.strip().isEmpty() ? "x" : text.replace("\n", " "),
                text.replace("\n", " "),
                text,
                "en",
                CycleStatus.PUBLISHED,
                "America/Montreal",
                List.of(new CycleFile.SessionEntry(
                        "s",
                        text.replace("\n", " "),
                        LocalDateTime.of(2027, 5, 6, 9, 5, 30),
                        90,
                        text.replace("\n", " "),
                        "## Title\n\n    indented code\n\n* " + text,
                        "https://example.org/live?a=1&b=" + text.length(),
                        null,
                        0,
                        List.of(new CycleFile.SegmentEntry(SegmentKind.FREE, text.replace("\n", " "), 5)),
                        List.of(text.replace("\n", " "), "second"))),
                List.of(new CycleFile.TrainingEntry(
                        "t",
                        "T",
                        "",
                        "",
                        text.replace("\n", " "),
                        LocalDate.of(2027, 6, 1),
                        LocalDate.of(2027, 6, 1),
                        0,
                        text.replace("\n", " "),
                        CycleStatus.DRAFT)));
        assertThat(roundTrip(file)).isEqualTo(file);
    }
}

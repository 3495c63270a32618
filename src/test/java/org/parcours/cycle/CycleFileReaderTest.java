package org.parcours.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CycleFileReaderTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);

    static final String VALID = """
            format: parcours-cycle/1
            slug: my-cycle
            title: My cycle
            sessions:
              - slug: first
                title: First
                start: 2026-12-03T18:00
                durationMinutes: 60
                agenda:
                  - kind: presentation
                    title: Talk
                    minutes: 30
                  - kind: closing
                    title: Takeaways
                    minutes: 10
                keyPoints:
                  - One idea
              - slug: second
                title: Second
                start: 2026-12-10 18:30
                durationMinutes: 45
            trainings:
              - slug: my-training
                title: Training
                place: Lyon
                startsOn: 2027-01-10
                endsOn: 2027-01-12
                capacity: 12
            """;

    final CycleFileReader reader = new CycleFileReader(CLOCK);

    CycleFileReader.Reading read(String text) {
        return reader.read(text);
    }

    /** The problems of {@code text}, as "line path key" strings. */
    List<String> problems(String text) {
        CycleFileReader.Reading reading = read(text);
        assertThat(reading.file()).as("file of a text with problems").isNull();
        return reading.problems().stream()
                .map(p -> p.line() + " " + p.path() + " " + p.messageKey().replace("cyclefile.problem.", ""))
                .toList();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = CycleFileReaderTest.class.getResourceAsStream("/demo/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Nested
    class ValidFiles {

        @Test
        void readsEveryFieldAndAppliesDefaults() {
            CycleFile file = read(VALID).file();
            assertThat(file).isNotNull();
            assertThat(file.slug()).isEqualTo("my-cycle");
            assertThat(file.language()).isEqualTo("fr");
            assertThat(file.status()).isEqualTo(CycleStatus.DRAFT);
            assertThat(file.timeZone()).isEqualTo("Europe/Paris");
            assertThat(file.summary()).isEmpty();
            assertThat(file.sessions()).extracting(CycleFile.SessionEntry::slug).containsExactly("first", "second");
            CycleFile.SessionEntry first = file.sessions().getFirst();
            assertThat(first.start()).isEqualTo(LocalDateTime.of(2026, 12, 3, 18, 0));
            assertThat(first.seatCap()).isEqualTo(100);
            assertThat(first.livestreamUrl()).isNull();
            assertThat(first.agenda())
                    .containsExactly(
                            new CycleFile.SegmentEntry(SegmentKind.PRESENTATION, "Talk", 30),
                            new CycleFile.SegmentEntry(SegmentKind.CLOSING, "Takeaways", 10));
            assertThat(first.keyPoints()).containsExactly("One idea");
            assertThat(file.sessions().get(1).start()).isEqualTo(LocalDateTime.of(2026, 12, 10, 18, 30));
            assertThat(file.trainings()).singleElement().satisfies(t -> {
                assertThat(t.startsOn()).isEqualTo(LocalDate.of(2027, 1, 10));
                assertThat(t.capacity()).isEqualTo(12);
                assertThat(t.priceText()).isEmpty();
                assertThat(t.status()).isEqualTo(CycleStatus.DRAFT);
            });
        }

        @Test
        void theApril2020DemoIsValid() throws IOException {
            CycleFileReader.Reading reading = read(resource("cooperation-2020.yaml"));
            assertThat(reading.problems()).isEmpty();
            CycleFile file = reading.file();
            assertThat(file.title()).isEqualTo("La coopération, levier de résilience");
            assertThat(file.status()).isEqualTo(CycleStatus.PUBLISHED);
            assertThat(file.sessions())
                    .extracting(CycleFile.SessionEntry::start)
                    .containsExactly(
                            LocalDateTime.of(2020, 4, 2, 18, 0),
                            LocalDateTime.of(2020, 4, 9, 18, 0),
                            LocalDateTime.of(2020, 4, 16, 18, 0),
                            LocalDateTime.of(2020, 4, 23, 18, 0),
                            LocalDateTime.of(2020, 4, 30, 18, 0));
            assertThat(file.sessions())
                    .extracting(CycleFile.SessionEntry::title)
                    .containsExactly(
                            "La coopération, levier de résilience",
                            "Quels prérequis, avant même de coopérer",
                            "Les temps nécessaires à la coopération",
                            "Maturité coopérative",
                            "Coopération et complexité");
            for (int i = 0; i < 5; i++) {
                CycleFile.SessionEntry session = file.sessions().get(i);
                assertThat(session.durationMinutes()).isEqualTo(60);
                assertThat(session.agenda().stream()
                                .mapToInt(CycleFile.SegmentEntry::minutes)
                                .sum())
                        .isEqualTo(60);
                assertThat(session.agenda().getFirst().kind())
                        .isEqualTo(i == 0 ? SegmentKind.PRESENTATION : SegmentKind.RECAP);
                assertThat(session.agenda().getLast().kind()).isEqualTo(SegmentKind.CLOSING);
                assertThat(session.keyPoints()).hasSizeBetween(3, 4);
                assertThat(session.seatCap()).isEqualTo(100);
            }
            assertThat(file.trainings()).singleElement().satisfies(t -> {
                assertThat(t.title()).isEqualTo("Initiation à la maturité coopérative");
                assertThat(t.startsOn().plusDays(2)).isEqualTo(t.endsOn());
            });
        }

        @Test
        void theNextEditionDemoStartsOnTheComingThursdayThenWeekly() throws IOException {
            // 2026-11-29 is a Sunday: the coming Thursday is 3 December.
            CycleFileReader.Reading reading = read(resource("cooperation-next.yaml"));
            assertThat(reading.problems()).isEmpty();
            assertThat(reading.file().slug()).isNotEqualTo("cooperation-2020");
            assertThat(reading.file().status()).isEqualTo(CycleStatus.PUBLISHED);
            assertThat(reading.file().sessions())
                    .extracting(CycleFile.SessionEntry::start)
                    .containsExactly(
                            LocalDateTime.of(2026, 12, 3, 18, 0),
                            LocalDateTime.of(2026, 12, 10, 18, 0),
                            LocalDateTime.of(2026, 12, 17, 18, 0),
                            LocalDateTime.of(2026, 12, 24, 18, 0),
                            LocalDateTime.of(2026, 12, 31, 18, 0));
        }

        @Test
        void windowsLineEndsAndByteOrderMarkAreFineAndLinesStillMatch() {
            String crlf = "\uFEFF" + VALID.replace("\n", "\r\n").replace("durationMinutes: 45", "durationMinutes: 0");
            List<CycleFileProblem> found = new ArrayList<>();
            String text = CycleFileDecoder.decode(crlf.getBytes(StandardCharsets.UTF_8), found);
            assertThat(found).isEmpty();
            assertThat(problems(text)).containsExactly("21 sessions[1].durationMinutes range");
            assertThat(read(VALID.replace("\n", "\r\n")).file())
                    .isEqualTo(read(VALID).file());
        }

        @Test
        void enumValuesIgnoreCase() {
            CycleFile file = read(VALID.replace("slug: my-cycle", "slug: my-cycle\nstatus: Published\nlanguage: EN"))
                    .file();
            assertThat(file.status()).isEqualTo(CycleStatus.PUBLISHED);
            assertThat(file.language()).isEqualTo("en");
        }
    }

    @Nested
    class Refused {

        @Test
        void yamlSyntaxErrorNamesTheLine() {
            List<String> found = problems("format: parcours-cycle/1\nslug: a\n  title: b\n");
            assertThat(found).containsExactly("3  yaml.syntax");
        }

        @Test
        void emptyFile() {
            assertThat(problems("")).containsExactly("0  empty");
            assertThat(problems("# only a comment\n")).containsExactly("0  empty");
        }

        @Test
        void notAMapping() {
            assertThat(problems("- a\n- b\n")).containsExactly("1  notMapping");
        }

        @Test
        void missingOrUnknownFormatMarkerStopsThere() {
            assertThat(problems("slug: x\ntitle: y\n")).containsExactly("1 format formatMissing");
            assertThat(problems("format: other/2\nslug: BAD SLUG\n")).containsExactly("1 format format");
        }

        @Test
        void twoDocuments() {
            assertThat(problems(VALID + "---\nformat: parcours-cycle/1\n")).containsExactly("30  yaml.documents");
        }

        @Test
        void duplicateKeysAndAliases() {
            assertThat(problems(VALID.replace("title: My cycle", "title: My cycle\ntitle: Again")))
                    .containsExactly("4 title yaml.duplicateKey");
            assertThat(problems(VALID.replace("title: My cycle", "title: &t My cycle\nsummary: *t")))
                    .containsExactly("4 summary yaml.alias");
        }

        @Test
        void missingAndBlankRequiredFields() {
            String text = VALID.replace("title: My cycle\n", "title: \"  \"\n")
                    .replace("    title: First\n", "")
                    .replace("    durationMinutes: 45\n", "")
                    .replace("    place: Lyon\n", "    place:\n");
            assertThat(problems(text))
                    .containsExactly(
                            "3 title required",
                            "5 sessions[0].title required",
                            "17 sessions[1].durationMinutes required",
                            "23 trainings[0].place required");
        }

        @Test
        void unknownFieldsAreReportedAsTypos() {
            assertThat(problems(VALID.replace("    durationMinutes: 45", "    duration: 45\n    durationMinutes: 45")))
                    .containsExactly("21 sessions[1].duration unknownField");
        }

        @Test
        void lengthsFollowTheDatabaseColumns() {
            String text = VALID.replace("title: My cycle", "title: " + "x".repeat(201))
                    .replace("- One idea", "- " + "y".repeat(1001))
                    .replace("place: Lyon", "place: " + "z".repeat(301));
            assertThat(problems(text))
                    .containsExactly(
                            "3 title tooLong", "17 sessions[0].keyPoints[0] tooLong", "25 trainings[0].place tooLong");
            assertThat(read(VALID.replace("title: My cycle", "title: " + "x".repeat(200)))
                            .problems())
                    .isEmpty();
        }

        @ParameterizedTest
        @CsvSource({"My-Cycle", "my--cycle", "-my", "my-", "été", "my_cycle", "my cycle"})
        void badSlugs(String slug) {
            assertThat(problems(VALID.replace("slug: my-cycle", "slug: \"" + slug + "\"")))
                    .containsExactly("2 slug slug");
        }

        @Test
        void slugLongerThanTheColumn() {
            assertThat(problems(VALID.replace("slug: my-cycle", "slug: " + "a".repeat(121))))
                    .containsExactly("2 slug tooLong");
        }

        @Test
        void duplicateSessionAndTrainingSlugs() {
            String text = VALID.replace("slug: second", "slug: first") + """
                      - slug: my-training
                        title: Again
                        place: Paris
                        startsOn: 2027-02-01
                        endsOn: 2027-02-01
                        capacity: 5
                    """;
            assertThat(problems(text))
                    .containsExactly("18 sessions[1].slug duplicateSlug", "29 trainings[1].slug duplicateSlug");
        }

        @Test
        void badTimeZone() {
            assertThat(problems(VALID.replace("title: My cycle", "title: My cycle\ntimeZone: Mars/Olympus")))
                    .containsExactly("4 timeZone timeZone");
            assertThat(problems(VALID.replace("title: My cycle", "title: My cycle\ntimeZone: \"+02:00\"")))
                    .containsExactly("4 timeZone timeZone");
        }

        @Test
        void badDatesAndTimes() {
            String text = VALID.replace("2026-12-03T18:00", "2026-02-30T18:00")
                    .replace("2026-12-10 18:30", "2026-12-10T18:30+01:00")
                    .replace("startsOn: 2027-01-10", "startsOn: 10/01/2027");
            assertThat(problems(text))
                    .containsExactly(
                            "7 sessions[0].start dateTime",
                            "20 sessions[1].start dateTime",
                            "26 trainings[0].startsOn date");
        }

        @Test
        void localTimeSkippedByTheClockChange() {
            assertThat(problems(VALID.replace("2026-12-03T18:00", "2027-03-28T02:30")))
                    .containsExactly("7 sessions[0].start start.gap");
        }

        @Test
        void durationsAndMinutesWithin1To1440() {
            String text = VALID.replace("durationMinutes: 60", "durationMinutes: 1441")
                    .replace("minutes: 30", "minutes: 0")
                    .replace("durationMinutes: 45", "durationMinutes: soixante");
            assertThat(problems(text))
                    .containsExactly(
                            "8 sessions[0].durationMinutes range",
                            "12 sessions[0].agenda[0].minutes range",
                            "21 sessions[1].durationMinutes integer");
        }

        @Test
        void seatCapsAndCapacitiesNotNegative() {
            String text = VALID.replace("durationMinutes: 45", "durationMinutes: 45\n    seatCap: -1")
                    .replace("capacity: 12", "capacity: -3");
            assertThat(problems(text))
                    .containsExactly("22 sessions[1].seatCap range", "29 trainings[0].capacity range");
            assertThat(read(VALID.replace("durationMinutes: 45", "durationMinutes: 45\n    seatCap: 0"))
                            .file()
                            .sessions()
                            .get(1)
                            .seatCap())
                    .isZero();
        }

        @Test
        void trainingEndingBeforeItStarts() {
            assertThat(problems(VALID.replace("endsOn: 2027-01-12", "endsOn: 2027-01-09")))
                    .containsExactly("27 trainings[0].endsOn endsBeforeStart");
        }

        @Test
        void unknownSegmentKind() {
            assertThat(problems(VALID.replace("kind: closing", "kind: lunch")))
                    .containsExactly("13 sessions[0].agenda[1].kind choice");
        }

        @Test
        void urlsMustBeHttp() {
            String text = VALID.replace(
                    "durationMinutes: 60",
                    "durationMinutes: 60\n    livestreamUrl: javascript:alert(1)\n    conferenceUrl: ftp://example.org/x");
            assertThat(problems(text))
                    .containsExactly("9 sessions[0].livestreamUrl url", "10 sessions[0].conferenceUrl url");
            CycleFile ok = read(VALID.replace(
                            "durationMinutes: 60", "durationMinutes: 60\n    livestreamUrl: https://example.org/live"))
                    .file();
            assertThat(ok.sessions().getFirst().livestreamUrl()).isEqualTo("https://example.org/live");
        }

        @Test
        void wrongShapes() {
            String text = VALID.replace("title: My cycle", "title: [a, b]")
                    .replace("keyPoints:\n      - One idea", "keyPoints: not a list")
                    .replace("trainings:", "trainings:\n  - just text");
            assertThat(problems(text))
                    .containsExactly(
                            "3 title notText", "16 sessions[0].keyPoints notList", "22 trainings[0] notMapping");
        }

        @Test
        void sessionWithoutStartNeedsASchedule() {
            assertThat(problems(VALID.replace("    start: 2026-12-03T18:00\n", "")))
                    .containsExactly("5 sessions[0].start startOrSchedule");
        }

        /** Odd YAML must come back as problems, never as an exception (which would be a 500 in the admin). */
        @ParameterizedTest
        @org.junit.jupiter.params.provider.ValueSource(
                strings = {
                    "format: parcours-cycle/1\nslug: !!binary aGVsbG8=\n",
                    "format: parcours-cycle/1\nslug: !custom x\n",
                    "format: parcours-cycle/1\n? [a, b]\n: c\n",
                    "format: parcours-cycle/1\n[a]: b\n",
                    "format: parcours-cycle/1\n<<: {slug: x}\n",
                    "format: parcours-cycle/1\ntitle:\n\t- tab\n",
                    "format: parcours-cycle/1\ntitle: \u0000\n",
                    "format: parcours-cycle/1\nsessions: {a: 1}\n",
                    "format: parcours-cycle/1\nsessions: [[[[]]]]\n",
                    "format: parcours-cycle/1\nschedule: next-thursday\n",
                    "format: [parcours-cycle/1]\n",
                    "format: parcours-cycle/1\nslug: x\ntitle: y\nsessions:\n  - slug: a\n    title: b\n    start: 99999-01-01T10:00\n    durationMinutes: 99999999999\n",
                    "\"just a string\"",
                    "42",
                    "---\n...\n",
                })
        void oddInputGivesProblemsNotExceptions(String text) {
            CycleFileReader.Reading reading = read(text);
            assertThat(reading.file()).isNull();
            assertThat(reading.problems()).isNotEmpty();
        }

        @Test
        void deepNestingIsRefusedCleanly() {
            String deep = "format: parcours-cycle/1\nsessions: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
            assertThat(read(deep).problems()).isNotEmpty();
        }

        @Test
        void everyProblemIsReportedAtOnce() {
            String text = VALID.replace("slug: my-cycle", "slug: My Cycle")
                    .replace("kind: closing", "kind: lunch")
                    .replace("capacity: 12", "capacity: lots");
            assertThat(problems(text)).hasSize(3);
        }
    }
}

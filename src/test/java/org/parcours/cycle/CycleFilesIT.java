package org.parcours.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** Import and export against the real database: what is stored, what is refused, and the round trip. */
@SpringBootTest
@AutoConfigureMockMvc
class CycleFilesIT {

    @Autowired
    CycleFiles files;

    @Autowired
    CycleService service;

    @Autowired
    CycleRepository cycles;

    @Autowired
    TrainingRepository trainings;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid file with fresh slugs for the cycle and its training. */
    static String file(String slug, String trainingSlug) {
        return CycleFileReaderTest.VALID
                .replace("slug: my-cycle", "slug: " + slug)
                .replace("slug: my-training", "slug: " + trainingSlug)
                .replace("durationMinutes: 60", "durationMinutes: 60\n    livestreamUrl: https://example.org/live");
    }

    static Cycle imported(ImportResult result) {
        assertThat(result).isInstanceOf(ImportResult.Imported.class);
        return ((ImportResult.Imported) result).cycle();
    }

    static List<CycleFileProblem> rejected(ImportResult result) {
        assertThat(result).isInstanceOf(ImportResult.Rejected.class);
        return ((ImportResult.Rejected) result).problems();
    }

    @Test
    void storesTheCycleItsSessionsInOrderAndItsTrainings() {
        String slug = unique("it-import");
        String training = unique("it-training");
        Cycle cycle = imported(files.importFile(file(slug, training).getBytes(StandardCharsets.UTF_8)));

        assertThat(service.cycle(slug)).contains(cycle);
        assertThat(cycle.timeZone()).isEqualTo("Europe/Paris");
        List<Session> sessions = service.sessions(cycle.id());
        assertThat(sessions).extracting(Session::position).containsExactly(1, 2);
        assertThat(sessions).extracting(Session::slug).containsExactly("first", "second");
        Session first = sessions.getFirst();
        assertThat(first.start().toLocalDateTime()).isEqualTo("2026-12-03T18:00");
        assertThat(first.startsAt().toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-12-03T17:00Z").toInstant());
        assertThat(first.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(first.agenda())
                .extracting(AgendaSegment::kind)
                .containsExactly(SegmentKind.PRESENTATION, SegmentKind.CLOSING);
        assertThat(first.keyPoints()).extracting(KeyPoint::text).containsExactly("One idea");
        assertThat(first.livestreamUrl()).isEqualTo("https://example.org/live");
        assertThat(first.seatCap()).isEqualTo(100);
        assertThat(trainings.findByCycleIdOrderByStartsOn(cycle.id()))
                .singleElement()
                .satisfies(t -> assertThat(t.slug()).isEqualTo(training));
    }

    @Test
    void anInvalidFileStoresNothing() {
        String slug = unique("it-invalid");
        String training = unique("it-training");
        String text = file(slug, training).replace("kind: closing", "kind: lunch");
        assertThat(rejected(files.importFile(text)))
                .singleElement()
                .satisfies(p -> assertThat(p.path()).isEqualTo("sessions[0].agenda[1].kind"));
        assertThat(cycles.existsBySlug(slug)).isFalse();
        assertThat(trainings.existsBySlug(training)).isFalse();
    }

    @Test
    void slugsAlreadyUsedAreProblemsWithTheirLine() {
        String slug = unique("it-taken");
        String training = unique("it-training");
        imported(files.importFile(file(slug, training)));

        List<CycleFileProblem> problems = rejected(files.importFile(file(slug, training)));
        assertThat(problems)
                .extracting(p -> p.line() + " " + p.path() + " " + p.messageKey())
                .containsExactly(
                        "2 slug cyclefile.problem.slugTaken",
                        "24 trainings[0].slug cyclefile.problem.trainingSlugTaken");

        // A new cycle slug alone is not enough: the training slug is unique across cycles too, and the cycle
        // must not be stored without it.
        String other = unique("it-other");
        assertThat(rejected(files.importFile(file(other, training)))).hasSize(1);
        assertThat(cycles.existsBySlug(other)).isFalse();
    }

    @Test
    void exportThenImportGivesTheSameCycle() {
        String slug = unique("it-roundtrip");
        Cycle original = imported(files.importFile(file(slug, unique("it-training"))));
        String exported = files.export(original.id()).orElseThrow().yaml();
        assertThat(files.export(original.id()).orElseThrow().fileName()).isEqualTo(slug + ".yaml");

        // Free the slugs, then import the exported file.
        List<Session> before = service.sessions(original.id());
        trainings.deleteAll(trainings.findByCycleIdOrderByStartsOn(original.id()));
        cycles.deleteById(original.id());
        Cycle copy = imported(files.importFile(exported));

        assertThat(files.export(copy.id()).orElseThrow().yaml()).isEqualTo(exported);
        assertThat(copy)
                .usingRecursiveComparison()
                .ignoringFields("id", "createdAt", "updatedAt")
                .isEqualTo(original);
        assertThat(service.sessions(copy.id()))
                .usingRecursiveComparison()
                .ignoringFields("id", "cycleId", "updatedAt", "agenda.id", "keyPoints.id")
                .isEqualTo(before);
    }

    @Test
    void theDemoFileRoundTripsThroughTheDatabase() throws Exception {
        String slug = unique("it-demo-copy");
        String text = CycleFileReaderTest.resource("cooperation-2020.yaml")
                .replace("slug: cooperation-2020", "slug: " + slug)
                .replace("slug: initiation-maturite-cooperative", "slug: " + unique("it-training"));
        Cycle cycle = imported(files.importFile(text));
        CycleFileReader reader = new CycleFileReader(CycleFileReaderTest.CLOCK);
        CycleFile exported =
                reader.read(files.export(cycle.id()).orElseThrow().yaml()).file();
        assertThat(exported).isEqualTo(reader.read(text).file());
    }

    @Test
    void exportOfAnUnknownCycleIsEmpty() {
        assertThat(files.export(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void twoImportsRacingForOneSlugStoreItOnce() throws Exception {
        String slug = unique("it-race");
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<ImportResult>> racers =
                List.of(file(slug, unique("it-training-a")), file(slug, unique("it-training-b"))).stream()
                        .map(text -> CompletableFuture.supplyAsync(() -> {
                            try {
                                go.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return files.importFile(text);
                        }))
                        .toList();
        go.countDown();
        List<ImportResult> results =
                racers.stream().map(CompletableFuture::join).toList();
        assertThat(results).filteredOn(ImportResult.Imported.class::isInstance).hasSize(1);
        assertThat(results)
                .filteredOn(ImportResult.Rejected.class::isInstance)
                .singleElement()
                .satisfies(r -> assertThat(((ImportResult.Rejected) r).problems())
                        .extracting(CycleFileProblem::messageKey)
                        .containsExactly("cyclefile.problem.slugTaken"));
        assertThat(cycles.findBySlug(slug)).isPresent();
    }
}

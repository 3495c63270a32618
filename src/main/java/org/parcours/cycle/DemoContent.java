package org.parcours.cycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * On start, fills an empty database with the demo cycles (the April 2020 cycle on cooperation and a new edition
 * scheduled from today), read from {@code src/main/resources/demo/} through the same import as the admin page.
 * Turned off with {@code parcours.demo.enabled=false} ({@code PARCOURS_DEMO=false}).
 *
 * <p>Several application instances may start on one database at the same time (nodes, test contexts): each file
 * is imported in one transaction and its slugs are unique, so the loser of a race gets "slug taken" and moves on.
 */
@Component
class DemoContent {

    static final List<String> FILES = List.of("demo/cooperation-2020.yaml", "demo/cooperation-next.yaml");

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    /** What happened at start, for tests and diagnostics. */
    enum Outcome {
        NOT_RUN,
        DISABLED,
        NOT_EMPTY,
        LOADED
    }

    private final CycleFiles files;
    private final CycleRepository cycles;
    private final boolean enabled;
    private volatile Outcome outcome = Outcome.NOT_RUN;

    DemoContent(CycleFiles files, CycleRepository cycles, @Value("${parcours.demo.enabled:true}") boolean enabled) {
        this.files = files;
        this.cycles = cycles;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadIfEmpty() {
        if (!enabled) {
            outcome = Outcome.DISABLED;
            return;
        }
        if (cycles.count() > 0) {
            outcome = Outcome.NOT_EMPTY;
            return;
        }
        List<String> imported = importFiles();
        outcome = Outcome.LOADED;
        log.info(
                "Demo content: imported {} (turn off with PARCOURS_DEMO=false)",
                imported.isEmpty() ? "nothing, already present" : String.join(", ", imported));
    }

    Outcome outcome() {
        return outcome;
    }

    /** Imports every demo file whose cycle is not there yet; returns the slugs of the cycles created. */
    List<String> importFiles() {
        List<String> imported = new ArrayList<>();
        for (String file : FILES) {
            switch (files.importFile(read(file))) {
                case ImportResult.Imported(Cycle cycle) -> imported.add(cycle.slug());
                case ImportResult.Rejected(List<CycleFileProblem> problems) -> {
                    if (!problems.stream().allMatch(DemoContent::alreadyThere)) {
                        // The demo files are tested, so this only happens after a bad edit; the application
                        // itself is fine without them.
                        log.warn("Demo content: {} was not imported: {}", file, problems);
                    }
                }
            }
        }
        return imported;
    }

    private static boolean alreadyThere(CycleFileProblem problem) {
        return problem.messageKey().endsWith(".slugTaken")
                || problem.messageKey().endsWith(".trainingSlugTaken");
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

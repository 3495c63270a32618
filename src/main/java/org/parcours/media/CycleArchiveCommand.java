package org.parcours.media;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The static export from the command line, without Maven: once the application is ready (its pages are fetched
 * over loopback), writes the archive of {@code parcours.export.cycle} to {@code parcours.export.to} (a folder, or
 * a zip when the name ends in {@code .zip}) and stops the application with exit code 0 (2 for an unknown or
 * unpublished cycle, 1 on failure):
 *
 * <pre>
 * java -jar target/parcours.jar --server.port=0 --parcours.export.cycle=cooperation-2020 --parcours.export.to=archive
 * </pre>
 */
@Component
class CycleArchiveCommand {

    private static final Logger log = LoggerFactory.getLogger(CycleArchiveCommand.class);

    private final CycleArchive archive;
    private final MediaDemo demo;
    private final String cycle;
    private final String to;

    CycleArchiveCommand(
            CycleArchive archive,
            MediaDemo demo,
            @Value("${parcours.export.cycle:}") String cycle,
            @Value("${parcours.export.to:}") String to) {
        this.archive = archive;
        this.demo = demo;
        this.cycle = cycle;
        this.to = to;
    }

    @EventListener(ApplicationReadyEvent.class)
    void exportIfAsked(ApplicationReadyEvent event) {
        if (cycle.isBlank()) {
            return;
        }
        // On a first start the demo media must be there before the export (listeners of one event run in turn).
        demo.attachIfMissing();
        int code;
        Path target = Path.of(to.isBlank() ? cycle + "-archive" : to);
        try {
            var written = target.toString().endsWith(".zip") ? zip(target) : folder(target);
            if (written.isPresent()) {
                log.info("Static export of {}: {} files written to {}", cycle, written.get(), target.toAbsolutePath());
                code = 0;
            } else {
                log.error("Static export: no published cycle {}", cycle);
                code = 2;
            }
        } catch (Exception e) {
            log.error("Static export of {} failed", cycle, e);
            code = 1;
        }
        ConfigurableApplicationContext context = event.getApplicationContext();
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }

    private java.util.Optional<Integer> folder(Path target) throws Exception {
        try (CycleArchive.Sink sink = CycleArchive.folder(target)) {
            return archive.write(cycle, sink);
        }
    }

    private java.util.Optional<Integer> zip(Path target) throws Exception {
        if (target.toAbsolutePath().getParent() != null) {
            Files.createDirectories(target.toAbsolutePath().getParent());
        }
        try (OutputStream out = Files.newOutputStream(target);
                CycleArchive.Sink sink = CycleArchive.zip(out, cycle)) {
            return archive.write(cycle, sink);
        }
    }
}

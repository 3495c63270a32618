package org.parcours.library.bibliography;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Demo references: the sessions of the April 2020 demo cycle, and the cycle itself, get bibliographies read from
 * the files in {@code src/main/resources/demo/library/} (BibTeX and RIS, taken from the reference samples, with
 * notes on why each work matters), through the same reader as an organiser's import. Runs after the demo cycles
 * are imported, only while the cycle has no reference at all, and not with {@code parcours.demo.enabled=false}.
 */
@Component
class BibliographyDemo {

    static final String CYCLE = "cooperation-2020";
    private static final String DIR = "demo/library/";
    private static final Logger log = LoggerFactory.getLogger(BibliographyDemo.class);

    /** Session slug (or "" for the cycle) → file. */
    static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("", "cycle.ris");
        FILES.put("cooperation-levier-de-resilience", "session-1.bib");
        FILES.put("prerequis-avant-de-cooperer", "session-2.bib");
        FILES.put("maturite-cooperative", "session-4.bib");
        FILES.put("cooperation-et-complexite", "session-5.bib");
    }

    private final CycleService cycles;
    private final Bibliography bibliography;
    private final BibliographyEditor editor;
    private final boolean enabled;

    BibliographyDemo(
            CycleService cycles,
            Bibliography bibliography,
            BibliographyEditor editor,
            @Value("${parcours.demo.enabled:true}") boolean enabled) {
        this.cycles = cycles;
        this.bibliography = bibliography;
        this.editor = editor;
        this.enabled = enabled;
    }

    /** After the cycle feature's demo import, which listens to the same event with the default order. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void attachIfMissing() {
        if (!enabled) {
            return;
        }
        cycles.cycle(CYCLE).filter(c -> !bibliography.anyInCycle(c.id())).ifPresent(this::attach);
    }

    private void attach(Cycle cycle) {
        int count = 0;
        try {
            for (Map.Entry<String, String> file : FILES.entrySet()) {
                Owner owner = file.getKey().isEmpty()
                        ? Owner.cycle(cycle.id())
                        : cycles.session(cycle.id(), file.getKey())
                                .map(Session::id)
                                .map(id -> Owner.session(cycle.id(), id))
                                .orElse(null);
                if (owner == null) {
                    continue;
                }
                try (InputStream in = new ClassPathResource(DIR + file.getValue()).getInputStream()) {
                    ParsedFile parsed = ReferenceFiles.read(in.readAllBytes(), file.getValue());
                    if (!parsed.broken().isEmpty() || parsed.problem() != null) {
                        throw new IllegalStateException("demo file " + file.getValue() + " has broken records");
                    }
                    count += editor.importAll(owner, parsed.data());
                }
            }
            log.info("Demo content: {} references attached to {}", count, CYCLE);
        } catch (IOException | RuntimeException e) {
            // A bad edit of the demo files (tested), or another node attaching them at the same moment.
            log.warn("Demo content: references of {} not all attached: {}", CYCLE, e.getMessage());
        }
    }
}

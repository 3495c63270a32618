package org.parcours.library.bibliography;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.CycleService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Session 1 of the demo cycle has its bibliography. The database may be shared with other tests (and the demo
 * absent when it was not empty at start), so only a present demo is checked, completed first as a start-up would.
 */
@SpringBootTest
class BibliographyDemoIT {

    @Autowired
    BibliographyDemo demo;

    @Autowired
    CycleService cycles;

    @Autowired
    Bibliography bibliography;

    @Test
    void sessionOneOfTheDemoCycleHasReferencesAboutResilience() {
        var cycle = cycles.cycle(BibliographyDemo.CYCLE);
        if (cycle.isEmpty()) {
            return; // no demo in a database that was not empty
        }
        demo.attachIfMissing();
        var session = cycles.session(cycle.get().id(), "cooperation-levier-de-resilience")
                .orElseThrow();
        var view = bibliography.sessionView(cycle.get(), session, Locale.FRENCH);
        assertThat(view.entries()).hasSize(2);
        assertThat(view.entries().get(0).note()).contains("résilience");
        assertThat(view.entries().get(0).citation().text()).startsWith("SERVIGNE, Pablo et CHAPELLE, Gauthier, 2017.");
        assertThat(bibliography.cycleView(cycle.get(), Locale.FRENCH).entries()).hasSize(1);
        demo.attachIfMissing();
        assertThat(bibliography.allOfCycle(cycle.get().id()))
                .as("attached once")
                .hasSize(6);
    }
}

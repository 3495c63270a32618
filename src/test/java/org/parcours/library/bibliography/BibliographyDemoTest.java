package org.parcours.library.bibliography;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The demo files read without a broken record, and session 1's bibliography speaks of resilience. */
class BibliographyDemoTest {

    private static ParsedFile read(String name) throws IOException {
        try (InputStream in = BibliographyDemoTest.class.getResourceAsStream("/demo/library/" + name)) {
            assertThat(in).as(name).isNotNull();
            return ReferenceFiles.read(in.readAllBytes(), name);
        }
    }

    @Test
    void everyDemoFileIsWhole() throws IOException {
        for (String name : BibliographyDemo.FILES.values()) {
            ParsedFile file = read(name);
            assertThat(file.problem()).as(name).isNull();
            assertThat(file.broken()).as(name).isEmpty();
            assertThat(file.references()).as(name).isNotEmpty();
        }
    }

    @Test
    void sessionOneMentionsResilience() throws IOException {
        ParsedFile file = read("session-1.bib");
        assertThat(file.data()).anySatisfy(r -> assertThat(r.note()).contains("résilience"));
        assertThat(file.data().get(1).note()).contains("égoïstes");
    }
}

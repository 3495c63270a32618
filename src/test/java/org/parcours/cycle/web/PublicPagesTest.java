package org.parcours.cycle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.parcours.web.NotFoundException;

class PublicPagesTest {

    @Test
    void slugsAreShortWordsOfLettersDigitsAndDashes() {
        assertThat(PublicPages.requireSlug("cooperation-2020_b")).isEqualTo("cooperation-2020_b");
        for (String bad : List.of("", "-start", "a.b", "a/b", "a b", "é", "x".repeat(121))) {
            assertThatThrownBy(() -> PublicPages.requireSlug(bad)).as(bad).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void theEtagFollowsThePageAndTheLanguage() {
        record View(String title) {}

        String etag = PublicPages.etag(Locale.FRENCH, new View("A"));

        assertThat(etag).matches("W/\"[0-9a-f]{32}\"");
        assertThat(PublicPages.etag(Locale.FRENCH, new View("A"))).isEqualTo(etag);
        assertThat(PublicPages.etag(Locale.ENGLISH, new View("A"))).isNotEqualTo(etag);
        assertThat(PublicPages.etag(Locale.FRENCH, new View("B"))).isNotEqualTo(etag);
    }
}

package org.parcours.cycle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The small pieces the admin forms are made of: slugs, URL and date parsing, row actions. */
class AdminFormPartsTest {

    @Nested
    class SlugsFromTitles {

        @Test
        void accentsPunctuationAndLigaturesBecomeAsciiWords() {
            assertThat(Slugs.fromTitle("Coopérer : l’œuvre d’un groupe")).isEqualTo("cooperer-l-oeuvre-d-un-groupe");
            assertThat(Slugs.fromTitle("  Séance n°3 — « Faire ensemble » !  ")).isEqualTo("seance-n-3-faire-ensemble");
            assertThat(Slugs.fromTitle("Straße")).isEqualTo("strasse");
        }

        @Test
        void nothingUsableGivesAnEmptySlug() {
            assertThat(Slugs.fromTitle("?!… —")).isEmpty();
            assertThat(Slugs.fromTitle("协作")).isEmpty();
        }

        @Test
        void longTitlesAreCutAtTheLimitWithoutATrailingHyphen() {
            String slug = Slugs.fromTitle("mot ".repeat(60));
            assertThat(slug)
                    .hasSizeLessThanOrEqualTo(Slugs.MAX)
                    .doesNotEndWith("-")
                    .matches(Slugs.OPTIONAL);
        }

        @Test
        void theOptionalPatternAcceptsEmptyAndRejectsOddShapes() {
            assertThat("").matches(Slugs.OPTIONAL);
            assertThat("cycle-2026").matches(Slugs.OPTIONAL);
            assertThat(List.of("Cycle", "a--b", "-a", "a-", "a b", "été")).noneMatch(s -> s.matches(Slugs.OPTIONAL));
        }
    }

    @Nested
    class Values {

        @Test
        void onlyAbsoluteHttpLinksWithAHost() {
            assertThat(FormValues.isWebUrl("https://visio.example.org/room?id=3"))
                    .isTrue();
            assertThat(FormValues.isWebUrl("HTTP://example.org")).isTrue();
            assertThat(List.of(
                            "javascript:alert(1)",
                            "data:text/html,x",
                            "ftp://example.org",
                            "//example.org",
                            "/relative",
                            "https://",
                            "https://exa mple.org"))
                    .noneMatch(FormValues::isWebUrl);
        }

        @Test
        void dateTimeLocalWithOrWithoutSeconds() {
            assertThat(FormValues.localDateTime("2026-04-02T18:00")).isPresent();
            assertThat(FormValues.localDateTime("2026-04-02T18:00:30")).isPresent();
            assertThat(FormValues.localDateTime("02/04/2026 18:00")).isEmpty();
            assertThat(FormValues.localDateTime(null)).isEmpty();
        }

        @Test
        void zonesAreRegionIdsOffersIncludeParis() {
            assertThat(FormValues.zone("Europe/Paris")).isPresent();
            assertThat(FormValues.zone("Mars/Olympus")).isEmpty();
            assertThat(FormValues.zone("")).isEmpty();
            assertThat(FormValues.ZONES)
                    .contains("Europe/Paris", "America/Montreal")
                    .allMatch(z -> z.contains("/"));
        }

        @Test
        void markdownKeepsLeadingSpacesAndNormalisesLineEnds() {
            assertThat(FormValues.markdown("    code\r\nline  \r\n")).isEqualTo("    code\nline");
            assertThat(FormValues.optional("  ")).isNull();
        }
    }

    @Nested
    class RowActions {

        @Test
        void parsesWhatTheButtonsSend() {
            assertThat(RowAction.parse("save")).contains(RowAction.SAVE);
            assertThat(RowAction.parse("up-2")).contains(new RowAction("up", 2));
            assertThat(RowAction.parse("remove-10")).contains(new RowAction("remove", 10));
            assertThat(List.of("", "up", "up-", "left-1", "up--1", "up-99999"))
                    .allSatisfy(v -> assertThat(RowAction.parse(v)).isEmpty());
        }

        @Test
        void movesAndRemovesWithinBounds() {
            assertThat(new RowAction("up", 2).apply(list("a", "b", "c"))).containsExactly("a", "c", "b");
            assertThat(new RowAction("down", 0).apply(list("a", "b", "c"))).containsExactly("b", "a", "c");
            assertThat(new RowAction("remove", 1).apply(list("a", "b", "c"))).containsExactly("a", "c");
            assertThat(new RowAction("up", 0).apply(list("a", "b"))).containsExactly("a", "b");
            assertThat(new RowAction("down", 1).apply(list("a", "b"))).containsExactly("a", "b");
            assertThat(new RowAction("remove", 5).apply(list("a"))).containsExactly("a");
            assertThat(RowAction.SAVE.apply(list("a", "b"))).containsExactly("a", "b");
        }

        private static List<String> list(String... items) {
            return new ArrayList<>(List.of(items));
        }
    }
}

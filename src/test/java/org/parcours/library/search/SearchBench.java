package org.parcours.library.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search benchmark (not part of the build: surefire runs {@code *Test}). Run it with {@code bench/search/run.sh}.
 * A generated source offers {@code bench.cycles} (50) cycles × {@code bench.sessions} (10) sessions × {@code
 * bench.questions} (100) questions, each with a first answer, plus each session and cycle: 50,550 documents,
 * indexed on disk through the index API as a full rebuild does (one slot per source and cycle, one commit). Then
 * {@code bench.queries} (3,000) queries, after as many unmeasured ones, each one page of 20 results with highlighted
 * snippets and the per-kind counts, as the results page asks: frequent and rare words, with and without accents,
 * French and English, several words, a kind filter, and words found nowhere. Prints the build time and the latency
 * percentiles per query family and overall.
 */
class SearchBench {

    @TempDir
    Path directory;

    static final int CYCLES = Integer.getInteger("bench.cycles", 50);
    static final int SESSIONS = Integer.getInteger("bench.sessions", 10);
    static final int QUESTIONS = Integer.getInteger("bench.questions", 100);
    static final int QUERIES = Integer.getInteger("bench.queries", 3_000);
    static final String REPORT = System.getProperty("bench.report", "target/bench-search.txt");

    /** The vocabulary of the institute's subject, as organisers and participants write it. */
    static final String[] THEME = ("coopération coopérer coopératives résilience résilient territoire territoires "
                    + "communauté communautés confiance gouvernance partage partager communs complexité écologie "
                    + "économie solidarité engagement apprentissage apprendre transmission mémoire pouvoir agir "
                    + "ensemble conflit conflits décision décisions sociocratie holacratie intelligence collective "
                    + "réseau réseaux alliance alliances démocratie participation émancipation sobriété transition "
                    + "entreprise associations institutions éducation recherche action terrain animation facilitation "
                    + "écoute dialogue controverse médiation autonomie interdépendance vulnérabilité soin énergie")
            .split(" ");

    static final String[] SMALL =
            ("le la les des un une et ou de du à en dans pour par sur avec sans que qui comment pourquoi est sont "
                            + "peut faut il elle on nous vous cette ces ce quand donc mais")
                    .split(" ");

    @Test
    void buildThenQuery() throws IOException {
        Random random = new Random(42);
        String[] filler = fillerWords(random, 4_000);
        GeneratedSource questions = new GeneratedSource(random, filler);

        long buildStart = System.nanoTime();
        int documents = 0;
        try (SearchIndex index = SearchIndex.open(directory)) {
            for (long cycle = 1; cycle <= CYCLES; cycle++) {
                List<SearchDocument> docs = questions.documents(cycle);
                index.replace(questions.name(), cycle, docs);
                documents += docs.size();
            }
            index.commit(true);
            double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
            assertThat(index.documentCount()).isEqualTo(documents);
            long bytes = size(directory);

            List<Family> families = families(filler);
            // warm-up: as many queries, unmeasured
            for (int i = 0; i < QUERIES; i++) {
                Family family = families.get(i % families.size());
                index.search(family.query(random), family.kind, 1, 20);
            }
            long[] all = new long[QUERIES];
            for (int i = 0; i < QUERIES; i++) {
                Family family = families.get(i % families.size());
                String query = family.query(random);
                long start = System.nanoTime();
                SearchResults results = index.search(query, family.kind, 1, 20);
                long took = System.nanoTime() - start;
                all[i] = took;
                family.record(took, results.total());
            }

            StringBuilder report = new StringBuilder();
            report.append(String.format(
                    Locale.ROOT,
                    "search: %d documents (%d cycles x %d sessions x %d questions, + sessions and cycles), "
                            + "index built in %.1f s (%.0f documents/s), %.1f MB on disk; %s%n",
                    documents,
                    CYCLES,
                    SESSIONS,
                    QUESTIONS,
                    buildSeconds,
                    documents / buildSeconds,
                    bytes / 1e6,
                    Runtime.version()));
            report.append(String.format(
                    Locale.ROOT,
                    "%d queries (after %d unmeasured), one page of 20 hits with snippets and kind counts:%n",
                    QUERIES,
                    QUERIES));
            for (Family family : families) {
                report.append(family.line());
            }
            report.append(Family.line("ALL", all, -1));
            System.out.print(report);
            Files.createDirectories(Path.of(REPORT).toAbsolutePath().getParent());
            Files.writeString(Path.of(REPORT), report);

            Family none = families.getLast();
            assertThat(none.maxHits).as("words found nowhere").isZero();
            assertThat(families.getFirst().minHits).as("frequent words").isPositive();
        }
    }

    /** Queries of one kind; {@code words} are drawn at random for each query. */
    static final class Family {
        final String name;
        final String[][] words;
        final String kind;
        final List<Long> times = new ArrayList<>();
        long minHits = Long.MAX_VALUE;
        long maxHits;

        Family(String name, String kind, String[]... words) {
            this.name = name;
            this.kind = kind;
            this.words = words;
        }

        String query(Random random) {
            StringBuilder query = new StringBuilder();
            for (String[] choices : words) {
                query.append(query.isEmpty() ? "" : " ").append(choices[random.nextInt(choices.length)]);
            }
            return query.toString();
        }

        void record(long nanos, long hits) {
            times.add(nanos);
            minHits = Math.min(minHits, hits);
            maxHits = Math.max(maxHits, hits);
        }

        String line() {
            return line(name, times.stream().mapToLong(Long::longValue).toArray(), maxHits);
        }

        static String line(String name, long[] nanos, long maxHits) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return String.format(
                    Locale.ROOT,
                    "  %-34s n=%5d  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms%s%n",
                    name,
                    sorted.length,
                    percentile(sorted, 50),
                    percentile(sorted, 90),
                    percentile(sorted, 99),
                    sorted[sorted.length - 1] / 1e6,
                    maxHits < 0 ? "" : "  (up to " + maxHits + " hits)");
        }

        static double percentile(long[] sorted, int p) {
            int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.clamp(i, 0, sorted.length - 1)] / 1e6;
        }
    }

    static List<Family> families(String[] filler) {
        String[] accentless = Arrays.stream(THEME)
                .map(w -> java.text.Normalizer.normalize(w, java.text.Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", ""))
                .toArray(String[]::new);
        String[] english = {"cooperation", "resilience", "trust", "community", "governance", "commons", "learning"};
        String[] rare = Arrays.copyOfRange(filler, 3_000, 4_000);
        String[] nowhere = {"xylophage", "quokka", "zeppelin", "kumquat", "ornithorynque", "C++ (AND) OR \"x"};
        return List.of(
                new Family("frequent theme word", null, THEME),
                new Family("theme word without accents", null, accentless),
                new Family("English word", null, english),
                new Family("two theme words", null, THEME, THEME),
                new Family("three words, one small", null, THEME, SMALL, THEME),
                new Family("rare word", null, rare),
                new Family("theme + rare word", null, THEME, rare),
                new Family("theme word, kind=question", "question", THEME),
                new Family("found nowhere", null, nowhere));
    }

    /** Pseudo-words ("bralenti", "coumaro"...), drawn later with a Zipf-like skew: a few common, most rare. */
    static String[] fillerWords(Random random, int count) {
        String[] syllables = {
            "ba", "co", "ri", "lu", "ma", "ne", "to", "sa", "vi", "pe", "dou", "gran", "ti", "lo", "mi", "ra", "fe",
            "jo", "quen", "bro"
        };
        String[] words = new String[count];
        for (int i = 0; i < count; i++) {
            StringBuilder word = new StringBuilder();
            int n = 2 + random.nextInt(3);
            for (int s = 0; s < n; s++) {
                word.append(syllables[random.nextInt(syllables.length)]);
            }
            words[i] =
                    word.append(i % 7 == 0 ? "tion" : "").append("x").append(i).toString();
        }
        return words;
    }

    /** 100 questions with first answers per session, plus each session and the cycle, like the library would. */
    static final class GeneratedSource implements SearchSource {
        private final Random random;
        private final String[] filler;

        GeneratedSource(Random random, String[] filler) {
            this.random = random;
            this.filler = filler;
        }

        @Override
        public String name() {
            return "bench";
        }

        @Override
        public List<SearchDocument> documents(long cycleId) {
            List<SearchDocument> docs = new ArrayList<>();
            String cycleTitle = "Cycle " + cycleId + " : " + sentence(6);
            docs.add(doc("cycle:" + cycleId, cycleId, "cycle", cycleTitle, sentence(120), "/cycles/c" + cycleId, ""));
            for (int s = 1; s <= SESSIONS; s++) {
                String url = "/cycles/c" + cycleId + "/sessions/s" + s;
                docs.add(doc(
                        "session:" + cycleId + ":" + s,
                        cycleId,
                        "session",
                        sentence(8),
                        sentence(200),
                        url,
                        cycleTitle));
                for (int q = 1; q <= QUESTIONS; q++) {
                    String question = sentence(12 + random.nextInt(30)) + " ?";
                    String answer = random.nextInt(3) == 0 ? "" : sentence(30 + random.nextInt(80));
                    docs.add(doc(
                            "question:" + cycleId + ":" + s + ":" + q,
                            cycleId,
                            "question",
                            question.length() > 80 ? question.substring(0, 80) : question,
                            question + "\n" + answer,
                            url + "#question-" + q,
                            cycleTitle + " · Séance " + s));
                }
            }
            return docs;
        }

        private SearchDocument doc(
                String key, long cycleId, String kind, String title, String text, String url, String context) {
            return new SearchDocument(key, name(), cycleId, kind, "fr", title, text, url, context);
        }

        /** Words of three kinds: small words, theme words, and filler words skewed towards the first ones. */
        private String sentence(int words) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < words; i++) {
                int pick = random.nextInt(10);
                String word;
                if (pick < 4) {
                    word = SMALL[random.nextInt(SMALL.length)];
                } else if (pick < 6) {
                    word = THEME[random.nextInt(THEME.length)];
                } else {
                    double u = random.nextDouble();
                    word = filler[(int) (Math.pow(u, 3) * filler.length)];
                }
                text.append(i == 0 ? "" : " ").append(word);
            }
            return text.toString();
        }
    }

    private static long size(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }
}

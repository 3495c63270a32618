package org.parcours.library.qa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * A simple CSV: {@code time,author,text} and optionally {@code votes}, with or without a header line naming the
 * columns (English or French names, any order), separated by commas or by semicolons (as French spreadsheets save
 * them). A time is elapsed since the start ({@code 1:02:03}, {@code 4:05}, or seconds), a date and time ({@code
 * 2020-04-02 18:05:00}, read in the session's zone, or with an offset), or empty.
 */
final class CsvChatParser implements ChatParser {

    private static final Set<String> TIME = Set.of("time", "heure", "temps", "horodatage", "timestamp", "offset");
    private static final Set<String> AUTHOR = Set.of("author", "auteur", "auteure", "name", "nom", "from", "de");
    private static final Set<String> TEXT =
            Set.of("text", "texte", "message", "content", "contenu", "question", "commentaire", "comment");
    private static final Set<String> VOTES = Set.of("votes", "vote", "likes", "reactions", "réactions");
    private static final Pattern SECONDS = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern ELAPSED_START = Pattern.compile("(\\d+:\\d{2}(:\\d{2})?|\\d+(\\.\\d+)?)");

    /** Which column holds what; -1 for none. */
    private record Columns(int time, int author, int text, int votes, boolean header) {

        static final Columns DEFAULT = new Columns(0, 1, 2, 3, false);

        int needed() {
            return Math.max(Math.max(time, author), text) + 1;
        }
    }

    @Override
    public ChatFormat format() {
        return ChatFormat.CSV;
    }

    @Override
    public int score(List<String> sample) {
        if (sample.isEmpty()) {
            return 0;
        }
        char delimiter = delimiter(sample.getFirst());
        if (header(sample.getFirst(), delimiter) != null) {
            return sample.size();
        }
        int score = 0;
        for (String line : sample) {
            String[] fields = line.split(Pattern.quote(String.valueOf(delimiter)), -1);
            if (fields.length >= 3 && ELAPSED_START.matcher(fields[0].strip()).matches()) {
                score++;
            }
        }
        return score;
    }

    @Override
    public void parse(String text, List<String> lines, Timeline timeline, ChatLog log) {
        String first = lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("");
        char delimiter = delimiter(first);
        Columns header = header(first, delimiter);
        Columns columns = header == null ? Columns.DEFAULT : header;
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        LineIndex index = new LineIndex(text);
        boolean skipHeader = columns.header();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord record : parser) {
                int line = index.lineOf(record.getCharacterPosition());
                if (skipHeader) {
                    skipHeader = false;
                    continue;
                }
                read(record, line, columns, timeline, log, index);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // commons-csv stops at an unterminated quote: the rest of the file cannot be read
            int line = index.lineOf(text.length() - 1);
            log.problem(line, "qa.problem.csvQuote", lines.isEmpty() ? "" : lines.getLast());
        }
    }

    private static void read(
            CSVRecord record, int line, Columns columns, Timeline timeline, ChatLog log, LineIndex index) {
        if (record.size() == 1 && record.get(0).isBlank()) {
            return;
        }
        if (record.size() < columns.needed()) {
            log.problem(line, "qa.problem.csvColumns", index.line(line));
            return;
        }
        String clock = columns.time() < 0 ? "" : record.get(columns.time());
        Optional<Optional<Integer>> offset = offset(clock, timeline);
        if (offset.isEmpty()) {
            log.problem(line, "qa.problem.time", index.line(line));
            return;
        }
        Integer votes = null;
        if (columns.votes() >= 0
                && columns.votes() < record.size()
                && !record.get(columns.votes()).isBlank()) {
            try {
                votes = Integer.parseInt(record.get(columns.votes()));
            } catch (NumberFormatException e) {
                votes = -1;
            }
            if (votes < 0) {
                log.problem(line, "qa.problem.votes", index.line(line));
                return;
            }
        }
        String author = columns.author() < 0 ? "" : record.get(columns.author());
        log.add(line, clock, offset.get().orElse(null), author, record.get(columns.text()), votes);
    }

    /** Empty when the time cannot be read; a present but empty inner value when it has no place on the timeline. */
    static Optional<Optional<Integer>> offset(String time, Timeline timeline) {
        String t = time.strip();
        if (t.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        if (SECONDS.matcher(t).matches()) {
            return Optional.of(Optional.ofNullable(Timeline.elapsed((long) Double.parseDouble(t))));
        }
        Optional<Long> elapsed = ClockTimes.elapsed(t);
        if (elapsed.isPresent()) {
            return Optional.of(Optional.ofNullable(Timeline.elapsed(elapsed.get())));
        }
        String iso = t.replace(' ', 'T');
        try {
            return Optional.of(Optional.ofNullable(
                    timeline.ofInstant(OffsetDateTime.parse(iso).toInstant())));
        } catch (DateTimeParseException e) {
            // not with an offset: a local date and time
        }
        try {
            return Optional.of(Optional.ofNullable(timeline.ofDateTime(LocalDateTime.parse(iso))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static char delimiter(String firstLine) {
        long commas = firstLine.chars().filter(c -> c == ',').count();
        long semicolons = firstLine.chars().filter(c -> c == ';').count();
        return semicolons > commas ? ';' : ',';
    }

    /** The columns a header line names, or null when the line is not a header. */
    private static @Nullable Columns header(String line, char delimiter) {
        List<String> names = Arrays.stream(line.replace("\uFEFF", "").split(Pattern.quote(String.valueOf(delimiter))))
                .map(n -> n.strip().replace("\"", "").toLowerCase(Locale.ROOT))
                .toList();
        int time = indexOf(names, TIME);
        int author = indexOf(names, AUTHOR);
        int text = indexOf(names, TEXT);
        if (text < 0 || time < 0 && author < 0) {
            return null;
        }
        return new Columns(time, author, text, indexOf(names, VOTES), true);
    }

    private static int indexOf(List<String> names, Set<String> accepted) {
        for (int i = 0; i < names.size(); i++) {
            if (accepted.contains(names.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Line numbers of character positions, for the problems list (quoted fields may span lines). */
    private static final class LineIndex {

        private final String text;
        private final int[] starts;

        LineIndex(String text) {
            this.text = text;
            int[] found = new int[16];
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean end = c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n');
                if (end) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = i + 1;
                }
            }
            this.starts = Arrays.copyOf(found, count);
        }

        int lineOf(long position) {
            int i = Arrays.binarySearch(starts, (int) Math.max(0, position));
            return i >= 0 ? i + 1 : -i - 1;
        }

        String line(int number) {
            int start = starts[number - 1];
            int end = number < starts.length ? starts[number] : text.length();
            return text.substring(start, end).strip();
        }
    }
}

package org.parcours.media.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code Range} header of a request for a file of {@code size} bytes (RFC 9110 §14), resolved into byte
 * positions. Behaves like nginx: another unit than {@code bytes} is ignored (whole file), a syntax error or a set of
 * ranges none of which is satisfiable is answered 416, more than {@link #MAX_RANGES} ranges are ignored.
 */
final class ByteRanges {

    static final int MAX_RANGES = 16;

    /** Inclusive byte positions. */
    record Range(long first, long last) {
        long length() {
            return last - first + 1;
        }
    }

    /** What to answer: the whole file, the listed ranges, or 416. */
    sealed interface Outcome {}

    record Whole() implements Outcome {}

    record Partial(List<Range> ranges) implements Outcome {}

    record Unsatisfiable() implements Outcome {}

    private ByteRanges() {}

    static Outcome resolve(String header, long size) {
        int eq = header.indexOf('=');
        if (eq < 0 || !header.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return new Whole();
        }
        String[] specs = header.substring(eq + 1).split(",", -1);
        if (specs.length > MAX_RANGES) {
            return new Whole();
        }
        List<Range> ranges = new ArrayList<>();
        for (String spec : specs) {
            Optional<long[]> parsed = parse(spec.strip());
            if (parsed.isEmpty()) {
                return new Unsatisfiable();
            }
            long[] p = parsed.get();
            if (p[0] < 0) { // suffix: the last -p[0] bytes
                long n = -p[0];
                if (n > 0 && size > 0) {
                    ranges.add(new Range(Math.max(0, size - n), size - 1));
                }
            } else if (p[0] < size) {
                ranges.add(new Range(p[0], p[1] < 0 ? size - 1 : Math.min(p[1], size - 1)));
            }
        }
        return ranges.isEmpty() ? new Unsatisfiable() : new Partial(List.copyOf(ranges));
    }

    /** {@code a-b} → [a, b]; {@code a-} → [a, -1]; {@code -n} → [-n, 0] ({@code -0} → [0, 0] is unsatisfiable). */
    private static Optional<long[]> parse(String spec) {
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String first = spec.substring(0, dash).strip();
        String last = spec.substring(dash + 1).strip();
        try {
            if (first.isEmpty()) {
                long n = digits(last);
                return Optional.of(n == 0 ? new long[] {Long.MAX_VALUE, 0} : new long[] {-n, 0});
            }
            long a = digits(first);
            if (last.isEmpty()) {
                return Optional.of(new long[] {a, -1});
            }
            long b = digits(last);
            return b < a ? Optional.empty() : Optional.of(new long[] {a, b});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static long digits(String s) {
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) {
            throw new NumberFormatException(s);
        }
        return Long.parseLong(s);
    }
}

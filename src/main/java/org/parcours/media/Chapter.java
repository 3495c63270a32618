package org.parcours.media;

/** A chapter of a replay: where it starts and ends (milliseconds) and its title. */
public record Chapter(long startMs, long endMs, String title) {

    public long startSeconds() {
        return startMs / 1000;
    }

    /** "1:04" / "1:02:03". */
    public String clock() {
        return Cue.clock(startMs);
    }

    /** A media-fragment start for {@code #t=}: seconds with milliseconds when needed ("15.5"). */
    public String fragment() {
        return startMs % 1000 == 0
                ? Long.toString(startMs / 1000)
                : java.math.BigDecimal.valueOf(startMs, 3).stripTrailingZeros().toPlainString();
    }
}

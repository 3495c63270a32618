package org.parcours.media;

/** One timed cue of a subtitles or chapters track; times in milliseconds, {@code text} as written. */
public record Cue(long startMs, long endMs, String settings, String text) {

    /** "00:01:04.500", the WebVTT timestamp. */
    public static String timestamp(long ms) {
        return String.format(
                java.util.Locale.ROOT,
                "%02d:%02d:%02d.%03d",
                ms / 3_600_000,
                ms / 60_000 % 60,
                ms / 1000 % 60,
                ms % 1000);
    }

    /** "1:04" or "1:02:03", for people. */
    public static String clock(long ms) {
        long s = ms / 1000;
        return s >= 3600
                ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}

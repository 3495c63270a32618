package org.parcours.library.qa;

import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Times as chat logs write them: "10:04:05", "10:04", "4:05 PM" (clock) or "00:04:05", "4:05" (elapsed). */
final class ClockTimes {

    /** A time at the start of a line, as the Zoom formats write it. */
    static final String CLOCK = "\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s?[AaPp]\\.?[Mm]\\.?)?";

    private static final Pattern PARTS =
            Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s?([AaPp])\\.?[Mm]\\.?)?");
    private static final Pattern ELAPSED = Pattern.compile("(\\d+):(\\d{2})(?::(\\d{2}))?");

    private ClockTimes() {}

    /** A wall-clock time, 24-hour or with AM/PM. */
    static Optional<LocalTime> clock(String text) {
        Matcher m = PARTS.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int h = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        int s = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (m.group(4) != null) {
            if (h < 1 || h > 12) {
                return Optional.empty();
            }
            boolean pm = m.group(4).toLowerCase(Locale.ROOT).equals("p");
            h = h % 12 + (pm ? 12 : 0);
        }
        if (h > 23 || min > 59 || s > 59) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(h, min, s));
    }

    /** Elapsed time: "h:mm:ss", or "m:ss" with two parts; in seconds. */
    static Optional<Long> elapsed(String text) {
        Matcher m = ELAPSED.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long a = Long.parseLong(m.group(1));
        long b = Long.parseLong(m.group(2));
        if (b > 59) {
            return Optional.empty();
        }
        if (m.group(3) == null) {
            return Optional.of(a * 60 + b);
        }
        long c = Long.parseLong(m.group(3));
        return c > 59 ? Optional.empty() : Optional.of(a * 3600 + b * 60 + c);
    }
}

package org.parcours.library.qa;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;

/**
 * The session's timeline, that questions link to in the replay: seconds from the session's start. Wall-clock times
 * (Zoom's local save and meeting chat) are read in the session's zone, on the session's day; elapsed times and video
 * offsets are used as they are. Times before the start have no place on the timeline (null).
 */
record Timeline(ZonedDateTime start) {

    private static final long HALF_DAY = Duration.ofHours(12).toSeconds();
    private static final long DAY = Duration.ofDays(1).toSeconds();

    /** A clock time of the session's day; a time far before the start is taken as after midnight. */
    @Nullable
    Integer ofClock(LocalTime time) {
        long seconds = time.toSecondOfDay() - (long) start.toLocalTime().toSecondOfDay();
        if (seconds < -HALF_DAY) {
            seconds += DAY;
        }
        return elapsed(seconds);
    }

    @Nullable
    Integer ofDateTime(LocalDateTime time) {
        return ofInstant(time.atZone(start.getZone()).toInstant());
    }

    @Nullable
    Integer ofInstant(Instant time) {
        return elapsed(Duration.between(start.toInstant(), time).toSeconds());
    }

    @Nullable
    static Integer elapsed(long seconds) {
        return seconds < 0 || seconds > Integer.MAX_VALUE ? null : (int) seconds;
    }

    /** "4:05", "1:02:03": how an offset is shown. */
    static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? "%d:%02d:%02d".formatted(h, m, s) : "%d:%02d".formatted(m, s);
    }
}

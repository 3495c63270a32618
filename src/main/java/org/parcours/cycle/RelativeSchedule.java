package org.parcours.cycle;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code schedule:} block of a cycle file: sessions without their own {@code start} are placed at {@code
 * time} on {@code firstDate} plus {@code everyDays} per position in the file (the session at index n starts on
 * {@code firstDate + n × everyDays}).
 *
 * <p>{@code firstDate} is an ISO date or {@code next-<weekday>} ({@code next-monday} … {@code next-sunday}). The
 * rule for {@code next-thursday}: the first Thursday, today included, whose session time is still ahead in the
 * cycle's time zone. So on a Thursday at 17:00 with {@code time: "18:00"} it is today; at 18:00 or later it is
 * the Thursday of next week; on a Wednesday it is tomorrow.
 */
record RelativeSchedule(
        @Nullable LocalDate fixedDate, @Nullable DayOfWeek nextDay, LocalTime time, int everyDays) {

    static final List<String> KEYS = List.of("firstDate", "time", "everyDays");
    private static final Pattern NEXT_DAY = Pattern.compile("next-([a-z]+)");

    /** The date of the first session, computed from {@code clock} in {@code zone} for a {@code next-} date. */
    LocalDate firstDate(Clock clock, ZoneId zone) {
        if (fixedDate != null) {
            return fixedDate;
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        LocalDate date = now.toLocalDate().with(TemporalAdjusters.nextOrSame(nextDay));
        if (!date.atTime(time).atZone(zone).isAfter(now)) {
            date = date.plusWeeks(1);
        }
        return date;
    }

    /** The start of the session at {@code index} (0-based position in the file). */
    LocalDateTime start(LocalDate firstDate, int index) {
        return firstDate.plusDays((long) index * everyDays).atTime(time);
    }

    /** Reads the block; {@code null} when it is absent or wrong (problems added). */
    static @Nullable RelativeSchedule read(@Nullable Fields schedule) {
        if (schedule == null) {
            return null;
        }
        schedule.allowOnly(KEYS);
        String first = schedule.text("firstDate", true, 40);
        LocalDate fixed = null;
        DayOfWeek day = null;
        if (first != null) {
            Matcher next = NEXT_DAY.matcher(first.toLowerCase(Locale.ROOT));
            if (next.matches()) {
                day = dayOfWeek(next.group(1));
                if (day == null) {
                    schedule.problem("firstDate", "schedule.firstDate", first);
                }
            } else {
                try {
                    fixed = LocalDate.parse(first);
                } catch (DateTimeParseException e) {
                    schedule.problem("firstDate", "schedule.firstDate", first);
                }
            }
        }
        LocalTime time = schedule.time("time", true);
        Integer every = schedule.integer("everyDays", false, 1, 366, 7);
        if ((fixed == null && day == null) || time == null || every == null) {
            return null;
        }
        return new RelativeSchedule(fixed, day, time, every);
    }

    private static @Nullable DayOfWeek dayOfWeek(String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equalsIgnoreCase(name)) {
                return day;
            }
        }
        return null;
    }
}

package org.parcours.registration.calendar;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code parcours.reminders.*}.
 *
 * @param enabled whether the background job runs (the reminders themselves can still be sent by calling the job)
 * @param offsets how long before a session each reminder goes, e.g. {@code P1D,PT1H} (ISO-8601 or {@code 1d,1h})
 * @param interval how often the job looks for reminders that are due
 */
@ConfigurationProperties("parcours.reminders")
record ReminderSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue({"P1D", "PT1H"}) List<Duration> offsets,
        @DefaultValue("PT1M") Duration interval) {

    ReminderSettings {
        if (offsets.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("parcours.reminders.offsets must all be positive: " + offsets);
        }
        // Longest first: each reminder's window ends where the next (shorter) one's begins.
        offsets = offsets.stream().distinct().sorted(Comparator.reverseOrder()).toList();
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("parcours.reminders.interval must be positive");
        }
    }
}

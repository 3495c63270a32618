package org.parcours.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelativeScheduleTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final RelativeSchedule THURSDAYS = new RelativeSchedule(null, DayOfWeek.THURSDAY, LocalTime.of(18, 0), 7);

    static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    /** 2026-12-03 is a Thursday; Paris is UTC+1 in winter, so 18:00 in Paris is 17:00Z. */
    @ParameterizedTest(name = "now {0} -> {1}")
    @CsvSource({
        "2026-11-29T10:00:00Z, 2026-12-03", // Sunday: the coming Thursday
        "2026-12-02T22:59:59Z, 2026-12-03", // Wednesday 23:59:59 in Paris: tomorrow
        "2026-12-02T23:30:00Z, 2026-12-03", // already Thursday 00:30 in Paris (still Wednesday in UTC): today
        "2026-12-03T16:59:59Z, 2026-12-03", // Thursday 17:59:59 in Paris: today, the time is still ahead
        "2026-12-03T17:00:00Z, 2026-12-10", // Thursday 18:00 in Paris: the time has come, next week
        "2026-12-03T20:00:00Z, 2026-12-10", // Thursday evening: next week
        "2026-12-04T08:00:00Z, 2026-12-10", // Friday: next week
    })
    void comingThursdayIsTheFirstWhoseSessionTimeIsStillAhead(String now, String expected) {
        assertThat(THURSDAYS.firstDate(at(now), PARIS)).isEqualTo(LocalDate.parse(expected));
    }

    @Test
    void theCycleTimeZoneDecidesWhichDayItIs() {
        // 2026-12-03T03:00Z is Thursday 04:00 in Paris but still Wednesday 19:00 in Los Angeles.
        Clock clock = at("2026-12-03T03:00:00Z");
        assertThat(THURSDAYS.firstDate(clock, PARIS)).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(THURSDAYS.firstDate(clock, ZoneId.of("America/Los_Angeles"))).isEqualTo(LocalDate.of(2026, 12, 3));
        // Thursday 19:00 in Los Angeles is already Friday in Paris.
        Clock later = at("2026-12-04T03:00:00Z");
        assertThat(THURSDAYS.firstDate(later, ZoneId.of("America/Los_Angeles"))).isEqualTo(LocalDate.of(2026, 12, 10));
    }

    @Test
    void sessionsFollowEveryDaysAndKeepTheirLocalTimeAcrossClockChanges() {
        RelativeSchedule weekly = new RelativeSchedule(LocalDate.of(2027, 3, 18), null, LocalTime.of(18, 0), 7);
        LocalDate first = weekly.firstDate(at("2026-11-29T10:00:00Z"), PARIS);
        List<LocalDateTime> starts = List.of(weekly.start(first, 0), weekly.start(first, 1), weekly.start(first, 2));
        assertThat(starts)
                .containsExactly(
                        LocalDateTime.of(2027, 3, 18, 18, 0),
                        LocalDateTime.of(2027, 3, 25, 18, 0),
                        LocalDateTime.of(2027, 4, 1, 18, 0));
        // Summer time starts on 28 March 2027: the offset changes, the local 18:00 does not.
        assertThat(starts.get(1).atZone(PARIS).getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(starts.get(2).atZone(PARIS).getOffset()).isEqualTo(ZoneOffset.ofHours(2));
    }

    @Test
    void readFromAFileWithExplicitStartsWinningAndOtherWeekdays() {
        String text = """
                format: parcours-cycle/1
                slug: relative
                title: Relative
                schedule:
                  firstDate: NEXT-MONDAY
                  time: "9:30"
                  everyDays: 14
                sessions:
                  - slug: a
                    title: A
                    durationMinutes: 60
                  - slug: b
                    title: B
                    start: 2030-01-01T08:00
                    durationMinutes: 60
                  - slug: c
                    title: C
                    durationMinutes: 60
                """;
        // Sunday 29 November 2026: the coming Monday is 30 November.
        CycleFile file =
                new CycleFileReader(at("2026-11-29T10:00:00Z")).read(text).file();
        assertThat(file.sessions())
                .extracting(CycleFile.SessionEntry::start)
                .containsExactly(
                        LocalDateTime.of(2026, 11, 30, 9, 30),
                        LocalDateTime.of(2030, 1, 1, 8, 0),
                        LocalDateTime.of(2026, 12, 28, 9, 30));
    }

    @Test
    void badScheduleIsReportedOnceNotForEverySession() {
        String text = """
                format: parcours-cycle/1
                slug: relative
                title: Relative
                schedule:
                  firstDate: next-caturday
                  time: "25:00"
                  everyDays: 0
                  every: 7
                sessions:
                  - slug: a
                    title: A
                    durationMinutes: 60
                  - slug: b
                    title: B
                    durationMinutes: 60
                """;
        List<String> problems = new CycleFileReader(at("2026-11-29T10:00:00Z"))
                .read(text).problems().stream()
                        .map(p -> p.line() + " " + p.path() + " " + p.messageKey())
                        .toList();
        assertThat(problems)
                .containsExactly(
                        "8 schedule.every cyclefile.problem.unknownField",
                        "5 schedule.firstDate cyclefile.problem.schedule.firstDate",
                        "6 schedule.time cyclefile.problem.time",
                        "7 schedule.everyDays cyclefile.problem.range");
    }
}

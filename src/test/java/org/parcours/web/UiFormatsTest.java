package org.parcours.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** Dates, ranges and durations in French and English conventions, with the real message bundles. */
class UiFormatsTest {

    static Ui ui(Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/web");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Ui(new MockHttpServletRequest(), messages, new MarkdownRenderer(), locale, Clock.systemUTC());
    }

    static final Ui FR = ui(Locale.FRENCH);
    static final Ui EN = ui(Locale.ENGLISH);

    @Test
    void dateRangesShortenWhatBothEndsShare() {
        LocalDate june8 = LocalDate.of(2026, 6, 8);

        assertThat(FR.dateRange(june8, june8.plusDays(2))).isEqualTo("du 8 au 10 juin 2026");
        assertThat(EN.dateRange(june8, june8.plusDays(2))).isEqualTo("June 8–10, 2026");
        assertThat(FR.dateRange(june8.plusDays(22), june8.plusDays(24))).isEqualTo("du 30 juin au 2 juillet 2026");
        assertThat(EN.dateRange(june8.plusDays(22), june8.plusDays(24))).isEqualTo("June 30 – July 2, 2026");
        LocalDate newYearsEve = LocalDate.of(2026, 12, 31);
        assertThat(FR.dateRange(newYearsEve, newYearsEve.plusDays(2)))
                .isEqualTo("du 31 décembre 2026 au 2 janvier 2027");
        assertThat(EN.dateRange(newYearsEve, newYearsEve.plusDays(2))).isEqualTo("December 31, 2026 – January 2, 2027");
        assertThat(FR.dateRange(june8, june8)).isEqualTo("8 juin 2026");
    }

    @Test
    void durationsReadNaturally() {
        assertThat(FR.duration(45)).isEqualTo("45 min");
        assertThat(FR.duration(60)).isEqualTo("1 h");
        assertThat(FR.duration(90)).isEqualTo("1 h 30");
        assertThat(FR.duration(65)).isEqualTo("1 h 05");
        assertThat(EN.duration(90)).isEqualTo("1 h 30 min");
        assertThat(EN.duration(120)).isEqualTo("2 h");
    }

    @Test
    void datesTimesAndZonesFollowTheLanguage() {
        ZonedDateTime april2 = ZonedDateTime.of(2020, 4, 2, 18, 0, 0, 0, ZoneId.of("Europe/Paris"));

        assertThat(FR.date(april2)).isEqualTo("jeudi 2 avril 2020");
        assertThat(EN.date(april2)).isEqualTo("Thursday, April 2, 2020");
        assertThat(FR.time(april2)).isEqualTo("18:00");
        assertThat(FR.zone(april2)).isEqualTo("heure d’été d’Europe centrale");
        assertThat(EN.zone(april2)).isEqualTo("Central European Summer Time");
        assertThat(FR.iso(april2.toLocalDate())).isEqualTo("2020-04-02");
    }
}

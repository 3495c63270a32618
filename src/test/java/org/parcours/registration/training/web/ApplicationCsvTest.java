package org.parcours.registration.training.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.parcours.registration.training.ApplicationStatus;
import org.parcours.registration.training.TrainingApplication;
import org.springframework.context.support.ResourceBundleMessageSource;

class ApplicationCsvTest {

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/training");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    static TrainingApplication application(String name, String organisation, String motivation, String answer) {
        return new TrainingApplication(
                1,
                2,
                3,
                name,
                "ana@example.org",
                organisation,
                motivation,
                "fr",
                ApplicationStatus.WAITLISTED,
                2,
                OffsetDateTime.parse("2026-05-04T07:05:00Z"),
                OffsetDateTime.parse("2026-05-04T07:05:00Z"),
                List.of(new TrainingApplication.Answer("Votre expérience ?", answer)));
    }

    @Test
    void cellsThatASpreadsheetWouldRunAreDefused() {
        assertThat(ApplicationCsv.cell("=HYPERLINK(\"http://x\")", ';')).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(ApplicationCsv.cell("+33 6 12", ';')).isEqualTo("'+33 6 12");
        assertThat(ApplicationCsv.cell("-2+3", ';')).isEqualTo("'-2+3");
        assertThat(ApplicationCsv.cell("@SUM(A1)", ';')).isEqualTo("'@SUM(A1)");
        assertThat(ApplicationCsv.cell("\tcmd", ';')).isEqualTo("'\tcmd");
        assertThat(ApplicationCsv.cell("\rcmd", ';')).isEqualTo("\"'\rcmd\"");
        assertThat(ApplicationCsv.cell("Léa = moi", ';')).isEqualTo("Léa = moi");
        assertThat(ApplicationCsv.cell("", ';')).isEmpty();
    }

    @Test
    void cellsWithSeparatorsQuotesOrLineBreaksAreQuoted() {
        assertThat(ApplicationCsv.cell("a;b", ';')).isEqualTo("\"a;b\"");
        assertThat(ApplicationCsv.cell("a,b", ';')).isEqualTo("a,b");
        assertThat(ApplicationCsv.cell("a,b", ',')).isEqualTo("\"a,b\"");
        assertThat(ApplicationCsv.cell("dit \"oui\"", ';')).isEqualTo("\"dit \"\"oui\"\"\"");
        assertThat(ApplicationCsv.cell("ligne 1\nligne 2", ';')).isEqualTo("\"ligne 1\nligne 2\"");
    }

    @Test
    void theFileHasABomAHeaderInTheOrganisersLanguageAndOneLinePerApplication() {
        byte[] csv = ApplicationCsv.write(
                List.of(application("=Zoé", "Coop; SCIC", "Apprendre\nensemble", "-10 ans")),
                ZoneId.of("Europe/Paris"),
                messages(),
                Locale.FRENCH);

        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(csv[1]).isEqualTo((byte) 0xBB);
        assertThat(csv[2]).isEqualTo((byte) 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        assertThat(text)
                .isEqualTo(
                        "Reçue le;Statut;Nom;E-mail;Organisation;Motivation;Votre expérience ?\r\n"
                                + "2026-05-04 09:05;Liste d’attente;'=Zoé;ana@example.org;\"Coop; SCIC\";\"Apprendre\nensemble\";'-10 ans\r\n");

        String english = new String(
                ApplicationCsv.write(
                        List.of(application("Ann", "Coop, Ltd", "x", "y")),
                        ZoneId.of("Europe/Paris"),
                        messages(),
                        Locale.ENGLISH),
                StandardCharsets.UTF_8);
        assertThat(english).contains("Received,Status,Name").contains("Waitlisted,Ann,ana@example.org,\"Coop, Ltd\"");
    }
}

package org.parcours.registration.training.web;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.parcours.registration.training.TrainingApplication;
import org.springframework.context.MessageSource;

/**
 * The applications of a training as a CSV file that spreadsheet programs open as they are: UTF-8 with a byte order
 * mark (so Excel reads accents right), the separator of the organiser's language (";" in French, "," in English, as
 * Excel expects with those regional settings), every cell quoted when needed, and cells that a spreadsheet would
 * run as a formula (starting with = + - @, tab or carriage return) prefixed with an apostrophe.
 */
final class ApplicationCsv {

    private static final String BOM = "\uFEFF";

    private ApplicationCsv() {}

    static byte[] write(List<TrainingApplication> applications, ZoneId zone, MessageSource messages, Locale locale) {
        char separator = "fr".equals(locale.getLanguage()) ? ';' : ',';
        Set<String> questions = new LinkedHashSet<>();
        applications.forEach(a -> a.answers().forEach(answer -> questions.add(answer.label())));
        List<String> header = new ArrayList<>();
        for (String column : List.of("submitted", "status", "name", "email", "organisation", "motivation")) {
            header.add(messages.getMessage("application.csv." + column, null, column, locale));
        }
        header.addAll(questions);
        StringBuilder out = new StringBuilder(BOM);
        line(out, header, separator);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        for (TrainingApplication application : applications) {
            List<String> cells = new ArrayList<>(List.of(
                    time.format(application.createdAt().atZoneSameInstant(zone)),
                    messages.getMessage(
                            "application.status." + application.status().name(), null, locale),
                    application.name(),
                    application.email(),
                    application.organisation(),
                    application.motivation()));
            for (String question : questions) {
                cells.add(application.answers().stream()
                        .filter(answer -> answer.label().equals(question))
                        .map(TrainingApplication.Answer::answer)
                        .findFirst()
                        .orElse(""));
            }
            line(out, cells, separator);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells, char separator) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(cell(cells.get(i), separator));
        }
        out.append("\r\n");
    }

    /** One cell, safe from formula injection and quoted when it holds a separator, a quote or a line break. */
    static String cell(String value, char separator) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.indexOf(separator) >= 0
                || text.indexOf('"') >= 0
                || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}

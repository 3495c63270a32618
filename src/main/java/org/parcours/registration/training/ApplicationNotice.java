package org.parcours.registration.training;

import java.time.LocalDate;

/**
 * What an e-mail about an application says (the model of {@code mail/training-application.jte}).
 *
 * @param trainingUrl the training page, absolute
 */
public record ApplicationNotice(
        String name,
        String trainingTitle,
        String trainingUrl,
        LocalDate startsOn,
        LocalDate endsOn,
        String place,
        ApplicationStatus status,
        boolean received) {

    /** "14 juin 2027" / "June 14, 2027". */
    public String date(LocalDate date, java.util.Locale locale) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(locale)
                .format(date);
    }

    /** The key suffix of this notice's texts: {@code received}, {@code accepted}, ... */
    public String kind() {
        return received ? "received" : status.name().toLowerCase(java.util.Locale.ROOT);
    }
}

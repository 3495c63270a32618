package org.parcours.mail;

import gg.jte.support.LocalizationSupport;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a mail template gets as {@code ui}: texts in the recipient's language and absolute links (a mail is read
 * outside the site, so every link carries {@code parcours.base-url}). The counterpart of the web {@code Ui}.
 */
public final class MailUi implements LocalizationSupport {

    private final MessageSource messages;
    private final Locale locale;
    private final String baseUrl;

    MailUi(MessageSource messages, Locale locale, String baseUrl) {
        this.messages = messages;
        this.locale = locale;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public Locale locale() {
        return locale;
    }

    public String lang() {
        return locale.getLanguage();
    }

    @Override
    public @Nullable String lookup(String key) {
        try {
            return messages.getMessage(key, null, locale);
        } catch (NoSuchMessageException e) {
            return key;
        }
    }

    /** A message as plain text (escaped by the template), with {@link java.text.MessageFormat} arguments. */
    public String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** An absolute link to a page of this Parcours: {@code url("/cycles/x")} → {@code https://host/cycles/x}. */
    public String url(String path) {
        return UriComponentsBuilder.fromUriString(baseUrl + (path.startsWith("/") ? path : "/" + path))
                .build()
                .toUriString();
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** "jeudi 2 avril 2020" / "Thursday, April 2, 2020". */
    public String date(ZonedDateTime dateTime) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                .withLocale(locale)
                .format(dateTime);
    }

    /** "18:00" / "6:00 PM". */
    public String time(ZonedDateTime dateTime) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(locale)
                .format(dateTime);
    }
}

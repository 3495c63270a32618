package org.parcours.live.web;

import gg.jte.support.LocalizationSupport;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.parcours.web.Texts;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

/**
 * What live-room fragments get as {@code t}: messages in one language. Fragments are rendered both inside page
 * requests and, for the live stream, once per event outside any request, so they cannot use the request-bound
 * {@code Ui}.
 */
public final class LiveText implements LocalizationSupport, Texts {

    private final MessageSource messages;
    private final Locale locale;

    LiveText(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
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

    /** "18:05" / "6:05 PM" in the session's zone. */
    public String time(long epochMillis, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(locale)
                .format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    public String iso(long epochMillis) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(epochMillis));
    }
}

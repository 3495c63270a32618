package org.parcours.mail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message to queue, before rendering. Build one with {@link #to(String, String)}:
 *
 * <pre>{@code
 * OutgoingMail.to(person.email(), person.displayName())
 *         .locale(person.locale())
 *         .template("mail/registration-confirmation")      // src/main/jte/mail/registration-confirmation.jte
 *         .subject("mail.registration.confirmation.subject", cycle.title())
 *         .model("registration", view)                        // the template's other @params
 *         .attach("session-1.ics", "text/calendar; method=REQUEST; charset=UTF-8", icsBytes)
 *         .idempotencyKey("registration.confirmation:" + registrationId)
 *         .category("registration.confirmation")
 *         .build();
 * }</pre>
 *
 * <p>The template receives a {@link MailUi} named {@code ui} (texts in the recipient's language, absolute links)
 * plus every model entry as a parameter of the same name. The plain-text part is derived from the HTML.
 *
 * @param recipient who receives it
 * @param locale the recipient's language; texts and the subject come from {@code i18n/mail_<lang>.properties}
 * @param template JTE template name without suffix, e.g. {@code mail/test-message}
 * @param subjectKey message key of the subject
 * @param subjectArgs {@link java.text.MessageFormat} arguments of the subject
 * @param model template parameters
 * @param attachments files attached, in order
 * @param idempotencyKey when set, queuing twice with the same key stores one message (the first)
 * @param category what kind of mail this is, for the Outbox filter, e.g. {@code registration.confirmation}
 * @param headers extra headers, e.g. {@code List-Unsubscribe} and {@code List-Unsubscribe-Post}
 */
public record OutgoingMail(
        Recipient recipient,
        Locale locale,
        String template,
        String subjectKey,
        List<Object> subjectArgs,
        Map<String, Object> model,
        List<Attachment> attachments,
        @Nullable String idempotencyKey,
        String category,
        Map<String, String> headers) {

    public OutgoingMail {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(subjectKey, "subjectKey");
        Objects.requireNonNull(category, "category");
        subjectArgs = List.copyOf(subjectArgs);
        model = Map.copyOf(model);
        attachments = List.copyOf(attachments);
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static Builder to(String address, @Nullable String displayName) {
        return new Builder(new Recipient(address, displayName));
    }

    /** @param name the display name, shown by mail programs next to the address */
    public record Recipient(String address, @Nullable String name) {
        public Recipient {
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * @param contentType full MIME type, parameters included, e.g. {@code text/calendar; method=REQUEST; charset=UTF-8}
     */
    public record Attachment(String filename, String contentType, byte[] content) {
        public Attachment {
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(contentType, "contentType");
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    public static final class Builder {
        private final Recipient recipient;
        private Locale locale = Locale.FRENCH;
        private @Nullable String template;
        private @Nullable String subjectKey;
        private List<Object> subjectArgs = List.of();
        private final Map<String, Object> model = new LinkedHashMap<>();
        private final List<Attachment> attachments = new ArrayList<>();
        private @Nullable String idempotencyKey;
        private String category = "general";
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder(Recipient recipient) {
            this.recipient = recipient;
        }

        public Builder locale(Locale locale) {
            this.locale = locale;
            return this;
        }

        public Builder template(String template) {
            this.template = template;
            return this;
        }

        public Builder subject(String key, Object... args) {
            this.subjectKey = key;
            this.subjectArgs = List.of(args);
            return this;
        }

        public Builder model(String name, Object value) {
            model.put(name, value);
            return this;
        }

        public Builder model(Map<String, ?> values) {
            model.putAll(values);
            return this;
        }

        public Builder attach(String filename, String contentType, byte[] content) {
            attachments.add(new Attachment(filename, contentType, content));
            return this;
        }

        public Builder idempotencyKey(@Nullable String key) {
            this.idempotencyKey = key;
            return this;
        }

        public Builder category(String category) {
            this.category = category;
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public OutgoingMail build() {
            if (template == null || subjectKey == null) {
                throw new IllegalStateException("An e-mail needs a template and a subject key");
            }
            return new OutgoingMail(
                    recipient,
                    locale,
                    template,
                    subjectKey,
                    subjectArgs,
                    model,
                    attachments,
                    idempotencyKey,
                    category,
                    headers);
        }
    }
}

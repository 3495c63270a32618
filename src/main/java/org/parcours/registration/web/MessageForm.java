package org.parcours.registration.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/**
 * An organiser's message to all registrants. {@code messageId} is generated when the form is shown and makes the
 * sending idempotent: submitting the same form twice mails each person once.
 */
public record MessageForm(
        @Nullable String subject,
        @Nullable String body,
        @Nullable String messageId) {

    static final int MAX_SUBJECT = 200;
    static final int MAX_BODY = 20_000;

    static MessageForm empty() {
        return new MessageForm("", "", UUID.randomUUID().toString());
    }

    String subjectOrEmpty() {
        return subject == null ? "" : subject.strip();
    }

    String bodyOrEmpty() {
        return body == null ? "" : body.strip();
    }

    void check(BindingResult result) {
        if (subjectOrEmpty().isEmpty()) {
            result.rejectValue("subject", "registration.error.subject.blank");
        } else if (subjectOrEmpty().length() > MAX_SUBJECT
                || subjectOrEmpty().chars().anyMatch(Character::isISOControl)) {
            result.rejectValue("subject", "registration.error.subject.invalid");
        }
        if (bodyOrEmpty().isEmpty()) {
            result.rejectValue("body", "registration.error.body.blank");
        } else if (bodyOrEmpty().length() > MAX_BODY) {
            result.rejectValue("body", "registration.error.body.long");
        }
        if (messageId == null || !messageId.matches("[0-9a-f-]{36}")) {
            result.reject("registration.error.messageId");
        }
    }
}

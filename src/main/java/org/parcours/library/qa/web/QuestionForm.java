package org.parcours.library.qa.web;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parcours.library.qa.AnswerStatus;
import org.parcours.library.qa.ArchivedQuestion;
import org.parcours.library.qa.QuestionEdit;
import org.springframework.validation.Errors;

/**
 * The edit form of an archived question, as typed. The time is "h:mm:ss", "m:ss" or empty; votes a number or empty.
 */
public record QuestionForm(
        @Nullable String text,
        @Nullable String authorName,
        @Nullable String time,
        @Nullable String theme,
        @Nullable String votes,
        @Nullable String status,
        @Nullable String answer,
        @Nullable Boolean published) {

    static final int MAX_TEXT = 2000;
    static final int MAX_AUTHOR = 120;
    static final int MAX_THEME = 120;
    static final int MAX_ANSWER = 20_000;

    static QuestionForm of(ArchivedQuestion q) {
        return new QuestionForm(
                q.text(),
                q.authorName(),
                q.clock(),
                q.theme(),
                q.votes() == null ? "" : q.votes().toString(),
                q.status().name(),
                q.answer(),
                q.published());
    }

    public String textValue() {
        return text == null ? "" : text;
    }

    public String authorValue() {
        return authorName == null ? "" : authorName;
    }

    public String timeValue() {
        return time == null ? "" : time;
    }

    public String themeValue() {
        return theme == null ? "" : theme;
    }

    public String votesValue() {
        return votes == null ? "" : votes;
    }

    public String statusValue() {
        return status == null ? AnswerStatus.OPEN.name() : status;
    }

    public String answerValue() {
        return answer == null ? "" : answer;
    }

    public boolean isPublished() {
        return Boolean.TRUE.equals(published);
    }

    /** Rejects the fields that are wrong, with message keys of the qa bundle. */
    void check(Errors errors) {
        if (textValue().isBlank()) {
            errors.rejectValue("text", "qa.question.error.text");
        } else if (textValue().length() > MAX_TEXT) {
            errors.rejectValue("text", "qa.question.error.tooLong", new Object[] {MAX_TEXT}, null);
        }
        if (authorValue().length() > MAX_AUTHOR) {
            errors.rejectValue("authorName", "qa.question.error.tooLong", new Object[] {MAX_AUTHOR}, null);
        }
        if (!timeValue().isBlank() && seconds().isEmpty()) {
            errors.rejectValue("time", "qa.question.error.time");
        }
        if (themeValue().length() > MAX_THEME) {
            errors.rejectValue("theme", "qa.question.error.tooLong", new Object[] {MAX_THEME}, null);
        }
        if (!votesValue().isBlank() && votesNumber() == null) {
            errors.rejectValue("votes", "qa.question.error.votes");
        }
        if (statusOf() == null) {
            errors.rejectValue("status", "qa.question.error.status");
        }
        if (answerValue().length() > MAX_ANSWER) {
            errors.rejectValue("answer", "qa.question.error.tooLong", new Object[] {MAX_ANSWER}, null);
        }
    }

    QuestionEdit toEdit() {
        return new QuestionEdit(
                textValue(),
                authorValue(),
                seconds().orElse(null),
                themeValue(),
                votesNumber(),
                statusOf(),
                answerValue(),
                isPublished());
    }

    /** Seconds from "h:mm:ss", "m:ss" or a number of seconds. */
    Optional<Integer> seconds() {
        String t = timeValue().strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = t.split(":", -1);
        if (parts.length > 3) {
            return Optional.empty();
        }
        long total = 0;
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].matches("\\d{1,6}") || i > 0 && (parts[i].length() != 2 || Integer.parseInt(parts[i]) > 59)) {
                return Optional.empty();
            }
            total = total * 60 + Long.parseLong(parts[i]);
        }
        return total > 7 * 24 * 3600 ? Optional.empty() : Optional.of((int) total);
    }

    private @Nullable Integer votesNumber() {
        try {
            int v = Integer.parseInt(votesValue().strip());
            return v < 0 || v > 1_000_000 ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private @Nullable AnswerStatus statusOf() {
        for (AnswerStatus s : AnswerStatus.values()) {
            if (s.name().equals(statusValue().toUpperCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }
}

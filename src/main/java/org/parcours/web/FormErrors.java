package org.parcours.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * The validation errors of one submitted form, already in the visitor's language, as templates need them: a
 * message per field (for {@code aria-invalid} / {@code aria-describedby}) and an ordered summary that links to
 * the fields. Messages come from the bundles by Spring's error codes ({@code NotBlank}, {@code
 * Size.cycleForm.title}, custom codes given to {@code rejectValue}).
 */
public final class FormErrors {

    private static final FormErrors NONE = new FormErrors(List.of());
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private final List<Problem> problems;

    private FormErrors(List<Problem> problems) {
        this.problems = List.copyOf(problems);
    }

    public static FormErrors none() {
        return NONE;
    }

    /**
     * @param formType the form record, whose component order is the order of the summary
     * @param labelPrefix prefix of the label keys: the label of field {@code title} is {@code labelPrefix +
     *     "title"}, the one of {@code rows[2].title} is {@code labelPrefix + "rows.title"} followed by "3"
     */
    public static FormErrors of(
            BindingResult result, Class<?> formType, String labelPrefix, MessageSource messages, Locale locale) {
        List<String> order = formType.isRecord()
                ? Arrays.stream(formType.getRecordComponents())
                        .map(RecordComponent::getName)
                        .toList()
                : List.of();
        List<Problem> problems = new ArrayList<>();
        for (ObjectError error : result.getGlobalErrors()) {
            problems.add(new Problem(null, null, null, messages.getMessage(error, locale)));
        }
        List<FieldError> fieldErrors = new ArrayList<>(result.getFieldErrors());
        fieldErrors.sort(Comparator.comparingInt((FieldError e) -> rank(order, e.getField()))
                .thenComparing(FieldError::getField, FormErrors::compareFields));
        for (FieldError error : fieldErrors) {
            String field = error.getField();
            problems.add(new Problem(
                    field, id(field), label(field, labelPrefix, messages, locale), message(error, messages, locale)));
        }
        return new FormErrors(problems);
    }

    public boolean any() {
        return !problems.isEmpty();
    }

    public boolean has(String field) {
        return problems.stream().anyMatch(p -> field.equals(p.field()));
    }

    /** The messages for one field, joined, or null when it is valid. */
    public @Nullable String message(String field) {
        List<String> messages = problems.stream()
                .filter(p -> field.equals(p.field()))
                .map(Problem::message)
                .distinct()
                .toList();
        return messages.isEmpty() ? null : String.join(" ", messages);
    }

    /** What the error summary lists, in form order. */
    public List<Problem> summary() {
        return problems;
    }

    /** The HTML id of a field's input: {@code rows[0].title} → {@code f-rows-0-title}. */
    public static String id(String field) {
        return "f-" + field.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }

    /** The {@code aria-describedby} value of a field: its hint and its error, when present. */
    public @Nullable String describedBy(String field, boolean hasHint) {
        String ids = ((hasHint ? id(field) + "-hint " : "") + (has(field) ? id(field) + "-error" : "")).strip();
        return ids.isEmpty() ? null : ids;
    }

    private static String message(FieldError error, MessageSource messages, Locale locale) {
        // Without this, a message would fall back to the validator's English default.
        String message = messages.getMessage(error, locale);
        return message == null ? "" : message;
    }

    private static String label(String field, String prefix, MessageSource messages, Locale locale) {
        Matcher index = INDEX.matcher(field);
        String key = prefix + INDEX.matcher(field).replaceAll("");
        String label = messages.getMessage(key, null, field, locale);
        return index.find() ? label + " " + (Integer.parseInt(index.group(1)) + 1) : label;
    }

    private static int rank(List<String> order, String field) {
        String root = field.split("[.\\[]", 2)[0];
        int i = order.indexOf(root);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** {@code rows[2].x} before {@code rows[10].x}. */
    private static int compareFields(String a, String b) {
        Matcher ma = INDEX.matcher(a);
        Matcher mb = INDEX.matcher(b);
        if (ma.find() && mb.find()) {
            int byIndex = Integer.compare(Integer.parseInt(ma.group(1)), Integer.parseInt(mb.group(1)));
            if (byIndex != 0) {
                return byIndex;
            }
        }
        return a.compareTo(b);
    }

    /**
     * One problem: {@code field}, {@code id} and {@code label} are null for an error about the whole form.
     */
    public record Problem(
            @Nullable String field,
            @Nullable String id,
            @Nullable String label,
            String message) {}
}

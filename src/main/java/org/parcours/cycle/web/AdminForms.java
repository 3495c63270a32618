package org.parcours.cycle.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.parcours.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** What every admin form handler needs: validation, messages in the user's language, and the 422 status. */
@Component
class AdminForms {

    private final MessageSource messages;
    private final SpringValidatorAdapter validator;

    AdminForms(MessageSource messages, jakarta.validation.Validator validator) {
        this.messages = messages;
        this.validator = new SpringValidatorAdapter(validator);
    }

    /**
     * The binding result to work with for a bound form record. When a value could not be converted (e.g. "many"
     * for a number), Spring records a type-mismatch error against no target and skips bean validation; this
     * returns a result on the form itself with that error and every validation error, so that custom checks can
     * add theirs and the page lists all problems at once.
     */
    BindingResult complete(Object form, BindingResult bound) {
        if (bound.getTarget() != null) {
            return bound;
        }
        BindingResult result = new BeanPropertyBindingResult(form, bound.getObjectName());
        result.addAllErrors(bound);
        validator.validate(form, result);
        return result;
    }

    /** Bean validation of a form built by the controller (rather than bound from the request). */
    BindingResult validate(Object form, String name) {
        BindingResult result = new BeanPropertyBindingResult(form, name);
        validator.validate(form, result);
        return result;
    }

    /** Validation of a nested part of a form, reported under {@code path} (e.g. {@code added}). */
    void validateNested(Object part, String path, BindingResult result) {
        result.pushNestedPath(path);
        try {
            validator.validate(part, result);
        } finally {
            result.popNestedPath();
        }
    }

    FormErrors errors(BindingResult result, Class<?> formType, String labelPrefix, Locale locale) {
        return FormErrors.of(result, formType, labelPrefix, messages, locale);
    }

    /** Invalid input: the same page again with HTTP 422, nothing saved. */
    static String unprocessable(HttpServletResponse response, String view) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return view;
    }
}

package org.parcours.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

class FormErrorsTest {

    record Row(String title) {}

    record Form(String title, String slug, List<Row> rows) {}

    private final StaticMessageSource messages = new StaticMessageSource();

    FormErrorsTest() {
        messages.addMessage("NotBlank", Locale.FRENCH, "Obligatoire.");
        messages.addMessage("bad.slug", Locale.FRENCH, "Adresse invalide.");
        messages.addMessage("f.title", Locale.FRENCH, "Titre");
        messages.addMessage("f.slug", Locale.FRENCH, "Adresse");
        messages.addMessage("f.rows.title", Locale.FRENCH, "Ligne");
    }

    @Test
    void summaryFollowsTheFormOrderWithLabelsAndRowNumbers() {
        BindingResult result = new BeanPropertyBindingResult(new Form("", "x y", List.of()), "form");
        result.addError(rowError(10));
        result.rejectValue("slug", "bad.slug");
        result.addError(rowError(2));
        result.rejectValue("title", "NotBlank");
        result.reject("global.problem", "Le formulaire a expiré.");

        FormErrors errors = FormErrors.of(result, Form.class, "f.", messages, Locale.FRENCH);

        assertThat(errors.summary())
                .extracting(FormErrors.Problem::id)
                .containsExactly(null, "f-title", "f-slug", "f-rows-2-title", "f-rows-10-title");
        assertThat(errors.summary())
                .extracting(FormErrors.Problem::label)
                .containsExactly(null, "Titre", "Adresse", "Ligne 3", "Ligne 11");
        assertThat(errors.summary().getFirst().message()).isEqualTo("Le formulaire a expiré.");
        assertThat(errors.message("slug")).isEqualTo("Adresse invalide.");
        assertThat(errors.message("summary")).isNull();
    }

    private static FieldError rowError(int index) {
        return new FieldError(
                "form", "rows[" + index + "].title", "", false, new String[] {"NotBlank"}, null, "must not be blank");
    }

    @Test
    void describedByListsTheHintAndTheErrorThatExist() {
        BindingResult result = new BeanPropertyBindingResult(new Form("", "", List.of()), "form");
        result.rejectValue("title", "NotBlank");
        FormErrors errors = FormErrors.of(result, Form.class, "f.", messages, Locale.FRENCH);

        assertThat(errors.describedBy("title", true)).isEqualTo("f-title-hint f-title-error");
        assertThat(errors.describedBy("title", false)).isEqualTo("f-title-error");
        assertThat(errors.describedBy("slug", true)).isEqualTo("f-slug-hint");
        assertThat(errors.describedBy("slug", false)).isNull();
        assertThat(FormErrors.none().any()).isFalse();
        assertThat(FormErrors.id("added.minutes")).isEqualTo("f-added-minutes");
    }
}

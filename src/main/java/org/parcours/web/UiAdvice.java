package org.parcours.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts a {@link Ui} into every model, under the name {@code ui}, so templates declare {@code @param Ui ui}.
 * Exception handlers get no model attributes from Spring, so they build theirs with {@link #ui}.
 */
@ControllerAdvice
class UiAdvice {

    private final MessageSource messages;
    private final MarkdownRenderer markdown;
    private final Clock clock;

    UiAdvice(MessageSource messages, MarkdownRenderer markdown, Clock clock) {
        this.messages = messages;
        this.markdown = markdown;
        this.clock = clock;
    }

    @ModelAttribute("ui")
    Ui ui(HttpServletRequest request, Locale locale) {
        return new Ui(request, messages, markdown, locale, clock);
    }
}

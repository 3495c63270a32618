package org.parcours.mail;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns an {@link OutgoingMail} into the exact subject and bodies that will be stored and sent. The HTML body is
 * a JTE template (HTML-escaped like every page); the text body is derived from it by {@link HtmlToText}, so there
 * is one template per mail and no second, unescaped text template to keep in step.
 */
@Component
class MailRenderer {

    static final String UI_PARAM = "ui";

    private final TemplateEngine templates;
    private final MessageSource messages;
    private final String baseUrl;

    MailRenderer(TemplateEngine templates, MessageSource messages, @Value("${parcours.base-url}") String baseUrl) {
        this.templates = templates;
        this.messages = messages;
        this.baseUrl = baseUrl;
    }

    record Rendered(String subject, String html, String text) {}

    Rendered render(OutgoingMail mail) {
        MailUi ui = new MailUi(messages, mail.locale(), baseUrl);
        Map<String, Object> params = new HashMap<>(mail.model());
        params.put(UI_PARAM, ui);
        StringOutput html = new StringOutput();
        templates.render(mail.template() + ".jte", params, html);
        String subject =
                singleLine(ui.text(mail.subjectKey(), mail.subjectArgs().toArray()));
        return new Rendered(subject, html.toString(), HtmlToText.convert(html.toString()));
    }

    /** A subject is one header line: no line breaks smuggled in through arguments. */
    private static String singleLine(String value) {
        String line = value.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() > 900 ? line.substring(0, 900) : line;
    }
}

package org.parcours.registration.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.parcours.registration.RegistrationAdmin;
import org.parcours.web.FormErrors;
import org.parcours.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Message all registrants" of a session or a cycle: a subject and a Markdown body, mailed to each registered
 * person (once per message, however often the form is sent). Organisers only.
 */
@Controller
@PreAuthorize("hasRole('ORGANISER')")
class RegistrantMessageController {

    static final String VIEW = "registration/adminMessage";

    private final CycleService cycles;
    private final RegistrationAdmin admin;
    private final MessageSource messages;

    RegistrantMessageController(CycleService cycles, RegistrationAdmin admin, MessageSource messages) {
        this.cycles = cycles;
        this.admin = admin;
        this.messages = messages;
    }

    @GetMapping("/admin/sessions/{id}/message")
    String sessionForm(@PathVariable long id, Model model) {
        return show(sessionAudience(id), MessageForm.empty(), FormErrors.none(), model);
    }

    @GetMapping("/admin/cycles/{id}/message")
    String cycleForm(@PathVariable long id, Model model) {
        return show(cycleAudience(id), MessageForm.empty(), FormErrors.none(), model);
    }

    @PostMapping("/admin/sessions/{id}/message")
    String sendToSession(
            @PathVariable long id,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) String messageId,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return send(sessionAudience(id), new MessageForm(subject, body, messageId), locale, model, response, redirect);
    }

    @PostMapping("/admin/cycles/{id}/message")
    String sendToCycle(
            @PathVariable long id,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) String messageId,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return send(cycleAudience(id), new MessageForm(subject, body, messageId), locale, model, response, redirect);
    }

    private String send(
            Audience audience,
            MessageForm form,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        BindingResult result = new DirectFieldBindingResult(form, "messageForm");
        form.check(result);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            FormErrors errors = FormErrors.of(result, MessageForm.class, "registration.message.", messages, locale);
            return show(audience, form, errors, model);
        }
        Session session = audience.session();
        int count = session == null
                ? admin.messageCycle(audience.cycle().id(), form.messageId(), form.subjectOrEmpty(), form.bodyOrEmpty())
                : admin.messageSession(session.id(), form.messageId(), form.subjectOrEmpty(), form.bodyOrEmpty());
        redirect.addFlashAttribute("flash", "registration.admin.flash.messageSent");
        redirect.addFlashAttribute("sentTo", count);
        return "redirect:" + audience.back();
    }

    private String show(Audience audience, MessageForm form, FormErrors errors, Model model) {
        model.addAttribute("audience", audience);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return VIEW;
    }

    private Audience sessionAudience(long id) {
        Session session = cycles.session(id).orElseThrow(NotFoundException::new);
        return new Audience(cycles.cycle(session.cycleId()).orElseThrow(NotFoundException::new), session);
    }

    private Audience cycleAudience(long id) {
        return new Audience(cycles.cycle(id).orElseThrow(NotFoundException::new), null);
    }
}

package org.parcours.registration.training.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.parcours.account.Person;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Training;
import org.parcours.mail.MailService;
import org.parcours.registration.training.ApplicationInput;
import org.parcours.registration.training.TrainingApplications;
import org.parcours.registration.training.TrainingQuestion;
import org.parcours.web.FormErrors;
import org.parcours.web.NotFoundException;
import org.parcours.web.RateLimiter;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The public application form of a published training. Open to everyone; the POST is CSRF-protected and rate
 * limited (family {@code registration}, per IP and per address). The answer after sending is the same whether or
 * not the address had already applied, so the form tells nobody who applied.
 */
@Controller
class TrainingApplicationController {

    static final String VIEW = "registration/trainingApply";
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,119}");

    private final CycleService cycles;
    private final TrainingApplications applications;
    private final RateLimiter limiter;
    private final MessageSource messages;

    TrainingApplicationController(
            CycleService cycles, TrainingApplications applications, RateLimiter limiter, MessageSource messages) {
        this.cycles = cycles;
        this.applications = applications;
        this.limiter = limiter;
        this.messages = messages;
    }

    @GetMapping("/trainings/{slug}/apply")
    String form(@PathVariable String slug, Model model) {
        Training training = training(slug);
        ApplicationForm form = ApplicationForm.empty();
        return page(model, training, form, Map.of(), FormErrors.none(), Map.of(), false);
    }

    @GetMapping("/trainings/{slug}/apply/sent")
    String sent(@PathVariable String slug, Model model) {
        Training training = training(slug);
        return page(model, training, ApplicationForm.empty(), Map.of(), FormErrors.none(), Map.of(), true);
    }

    @PostMapping("/trainings/{slug}/apply")
    String apply(
            @PathVariable String slug,
            @Valid @ModelAttribute ApplicationForm form,
            BindingResult result,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        Training training = training(slug);
        List<TrainingQuestion> questions = applications.questions(training.id());
        Map<Long, String> answers = new LinkedHashMap<>();
        Map<Long, String> answerErrors = new HashMap<>();
        for (TrainingQuestion question : questions) {
            String value = request.getParameter(ApplyPage.answerId(question));
            String answer = value == null ? "" : value.strip();
            answers.put(question.id(), answer);
            if (question.required() && answer.isEmpty()) {
                answerErrors.put(question.id(), message("NotBlank", locale));
            } else if (answer.length() > TrainingQuestion.MAX_ANSWER) {
                answerErrors.put(
                        question.id(), message("application.error.answerTooLong", locale, TrainingQuestion.MAX_ANSWER));
            }
        }
        if (!result.hasFieldErrors("email") && !MailService.isDeliverableAddress(form.emailValue())) {
            result.rejectValue("email", "application.error.email");
        }
        for (TrainingQuestion question : questions) {
            if (answerErrors.containsKey(question.id())) {
                result.reject("application.error.answer", new Object[] {question.label()}, null);
            }
        }
        if (!applications.open(training)) {
            result.reject("application.error.closed");
        }
        HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
        if (!result.hasErrors()
                && !limiter.allow(
                        "registration",
                        "ip:" + request.getRemoteAddr(),
                        "email:" + Person.normaliseEmail(form.emailValue()))) {
            result.reject("application.error.rateLimited");
            status = HttpStatus.TOO_MANY_REQUESTS;
        }
        if (result.hasErrors()) {
            response.setStatus(status.value());
            FormErrors errors = FormErrors.of(result, ApplicationForm.class, "application.field.", messages, locale);
            return page(model, training, form, answers, errors, answerErrors, false);
        }
        applications.apply(
                training,
                new ApplicationInput(
                        form.nameValue(),
                        form.emailValue(),
                        form.organisationValue(),
                        form.motivationValue(),
                        answers,
                        locale));
        return "redirect:/trainings/" + training.slug() + "/apply/sent";
    }

    private Training training(String slug) {
        if (!SLUG.matcher(slug).matches()) {
            throw new NotFoundException();
        }
        return cycles.publishedTraining(slug).orElseThrow(NotFoundException::new);
    }

    private String page(
            Model model,
            Training training,
            ApplicationForm form,
            Map<Long, String> answers,
            FormErrors errors,
            Map<Long, String> answerErrors,
            boolean sent) {
        model.addAttribute(
                "page",
                new ApplyPage(
                        training,
                        applications.questions(training.id()),
                        form.nameValue(),
                        form.emailValue(),
                        form.organisationValue(),
                        form.motivationValue(),
                        answers,
                        errors,
                        answerErrors,
                        applications.open(training),
                        sent));
        return VIEW;
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}

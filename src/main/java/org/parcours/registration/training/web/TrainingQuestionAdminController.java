package org.parcours.registration.training.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import org.parcours.cycle.CycleEditor;
import org.parcours.cycle.Training;
import org.parcours.registration.training.TrainingApplications;
import org.parcours.web.FormErrors;
import org.parcours.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The free questions of a training's application form. Organisers only: the security configuration requires the
 * role for {@code /admin/**}, and {@code @PreAuthorize} repeats it here.
 */
@Controller
@PreAuthorize("hasRole('ORGANISER')")
class TrainingQuestionAdminController {

    static final String VIEW = "admin/applications/questions";

    private final CycleEditor editor;
    private final TrainingApplications applications;
    private final MessageSource messages;

    TrainingQuestionAdminController(CycleEditor editor, TrainingApplications applications, MessageSource messages) {
        this.editor = editor;
        this.applications = applications;
        this.messages = messages;
    }

    @GetMapping("/admin/trainings/{id}/questions")
    String questions(@PathVariable long id, Model model) {
        return page(model, training(id), QuestionForm.empty(), FormErrors.none());
    }

    @PostMapping("/admin/trainings/{id}/questions")
    String add(
            @PathVariable long id,
            @Valid @ModelAttribute QuestionForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Training training = training(id);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(
                    model,
                    training,
                    form,
                    FormErrors.of(result, QuestionForm.class, "application.question.", messages, locale));
        }
        applications.addQuestion(id, String.valueOf(form.label()), form.requiredValue());
        redirect.addFlashAttribute("flash", "application.admin.questionAdded");
        return "redirect:/admin/trainings/" + id + "/questions";
    }

    @PostMapping("/admin/trainings/{id}/questions/{questionId}/delete")
    String remove(@PathVariable long id, @PathVariable long questionId, RedirectAttributes redirect) {
        training(id);
        if (!applications.removeQuestion(id, questionId)) {
            throw new NotFoundException();
        }
        redirect.addFlashAttribute("flash", "application.admin.questionRemoved");
        return "redirect:/admin/trainings/" + id + "/questions";
    }

    private Training training(long id) {
        return editor.training(id).orElseThrow(NotFoundException::new);
    }

    private String page(Model model, Training training, QuestionForm form, FormErrors errors) {
        model.addAttribute(
                "page",
                new AdminPages.QuestionsPage(
                        training,
                        applications.questions(training.id()),
                        form.label() == null ? "" : form.label(),
                        form.requiredValue(),
                        errors));
        return VIEW;
    }
}

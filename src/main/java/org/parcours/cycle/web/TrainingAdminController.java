package org.parcours.cycle.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.CycleEditor;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.SlugTakenException;
import org.parcours.cycle.Training;
import org.parcours.cycle.web.Pages.TrainingEditPage;
import org.parcours.web.FormErrors;
import org.parcours.web.NotFoundException;
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
 * Admin of trainings: new and edit (the status field publishes them). Organisers only: the security
 * configuration requires the role for {@code /admin/**}, and {@code @PreAuthorize} repeats it here as a second
 * line of defence.
 */
@Controller
@PreAuthorize("hasRole('ORGANISER')")
class TrainingAdminController {

    private static final String VIEW = "admin/training";

    private final CycleService cycles;
    private final CycleEditor editor;
    private final AdminForms forms;

    TrainingAdminController(CycleService cycles, CycleEditor editor, AdminForms forms) {
        this.cycles = cycles;
        this.editor = editor;
        this.forms = forms;
    }

    @GetMapping("/admin/trainings/new")
    String newTraining(Model model) {
        return page(model, null, TrainingForm.empty(), FormErrors.none());
    }

    @PostMapping("/admin/trainings")
    String create(
            @Valid @ModelAttribute TrainingForm form,
            BindingResult binding,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        BindingResult result = forms.complete(form, binding);
        check(form, result);
        if (!result.hasErrors()) {
            try {
                Training created = editor.createTraining(form.toFields());
                redirect.addFlashAttribute("flash", "admin.flash.trainingCreated");
                return "redirect:/admin/trainings/" + created.id();
            } catch (SlugTakenException e) {
                result.rejectValue("slug", "admin.error.slugTaken");
            }
        }
        page(model, null, form, errors(result, locale));
        return AdminForms.unprocessable(response, VIEW);
    }

    @GetMapping("/admin/trainings/{id}")
    String edit(@PathVariable long id, Model model) {
        Training training = editor.training(id).orElseThrow(NotFoundException::new);
        return page(model, training, TrainingForm.of(training), FormErrors.none());
    }

    @PostMapping("/admin/trainings/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute TrainingForm form,
            BindingResult binding,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        BindingResult result = forms.complete(form, binding);
        Training training = editor.training(id).orElseThrow(NotFoundException::new);
        check(form, result);
        if (!result.hasErrors()) {
            try {
                editor.updateTraining(id, form.toFields()).orElseThrow(NotFoundException::new);
                redirect.addFlashAttribute("flash", "admin.flash.trainingSaved");
                return "redirect:/admin/trainings/" + id;
            } catch (SlugTakenException e) {
                result.rejectValue("slug", "admin.error.slugTaken");
            }
        }
        page(model, training, form, errors(result, locale));
        return AdminForms.unprocessable(response, VIEW);
    }

    private void check(TrainingForm form, BindingResult result) {
        form.check(result);
        Long cycleId = form.cycleId();
        if (cycleId != null
                && !result.hasFieldErrors("cycleId")
                && cycles.cycle(cycleId).isEmpty()) {
            result.rejectValue("cycleId", "admin.error.unknownCycle");
        }
    }

    private String page(Model model, @Nullable Training training, TrainingForm form, FormErrors errors) {
        model.addAttribute("page", new TrainingEditPage(training, form, errors, cycles.allCycles()));
        return VIEW;
    }

    private FormErrors errors(BindingResult result, Locale locale) {
        return forms.errors(result, TrainingForm.class, "admin.training.", locale);
    }
}

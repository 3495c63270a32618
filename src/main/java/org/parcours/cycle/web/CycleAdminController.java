package org.parcours.cycle.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleEditor;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.CycleStatus;
import org.parcours.cycle.SlugTakenException;
import org.parcours.cycle.web.Pages.CycleEditPage;
import org.parcours.cycle.web.Pages.CycleRow;
import org.parcours.cycle.web.Pages.Dashboard;
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
 * The admin dashboard and the cycle pages: new, edit, publish, unpublish. Organisers only: the security
 * configuration requires the role for {@code /admin/**}, and {@code @PreAuthorize} repeats it here as a second
 * line of defence in case a route rule is ever loosened.
 */
@Controller
@PreAuthorize("hasRole('ORGANISER')")
class CycleAdminController {

    private static final String CYCLE_VIEW = "admin/cycle";

    private final CycleService cycles;
    private final CycleEditor editor;
    private final AdminForms forms;

    CycleAdminController(CycleService cycles, CycleEditor editor, AdminForms forms) {
        this.cycles = cycles;
        this.editor = editor;
        this.forms = forms;
    }

    @GetMapping("/admin")
    String dashboard(Model model) {
        Map<Long, Integer> counts = editor.sessionCounts();
        List<Cycle> all = new ArrayList<>(cycles.allCycles());
        all.sort(Comparator.comparing(Cycle::createdAt).reversed());
        List<CycleRow> rows = all.stream()
                .map(c -> new CycleRow(c, counts.getOrDefault(c.id(), 0)))
                .toList();
        model.addAttribute("page", new Dashboard(rows, editor.allTrainings()));
        return "admin/dashboard";
    }

    /** Where a re-rendered form's URL leads when reloaded or switched to another language. */
    @GetMapping({"/admin/cycles", "/admin/trainings"})
    String toDashboard() {
        return "redirect:/admin";
    }

    @GetMapping("/admin/cycles/new")
    String newCycle(Model model, Locale locale) {
        model.addAttribute(
                "page", new CycleEditPage(null, CycleForm.empty(locale.getLanguage()), FormErrors.none(), List.of()));
        return CYCLE_VIEW;
    }

    @PostMapping("/admin/cycles")
    String create(
            @Valid @ModelAttribute CycleForm form,
            BindingResult binding,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        BindingResult result = forms.complete(form, binding);
        form.check(result);
        if (!result.hasErrors()) {
            try {
                Cycle created = editor.createCycle(form.toFields());
                redirect.addFlashAttribute("flash", "admin.flash.cycleCreated");
                return "redirect:/admin/cycles/" + created.id();
            } catch (SlugTakenException e) {
                result.rejectValue("slug", "admin.error.slugTaken");
            }
        }
        model.addAttribute("page", new CycleEditPage(null, form, errors(result, locale), List.of()));
        return AdminForms.unprocessable(response, CYCLE_VIEW);
    }

    @GetMapping("/admin/cycles/{id}")
    String edit(@PathVariable long id, Model model) {
        Cycle cycle = cycles.cycle(id).orElseThrow(NotFoundException::new);
        model.addAttribute(
                "page", new CycleEditPage(cycle, CycleForm.of(cycle), FormErrors.none(), cycles.sessions(id)));
        return CYCLE_VIEW;
    }

    @PostMapping("/admin/cycles/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute CycleForm form,
            BindingResult binding,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        BindingResult result = forms.complete(form, binding);
        Cycle cycle = cycles.cycle(id).orElseThrow(NotFoundException::new);
        form.check(result);
        if (!result.hasErrors()) {
            try {
                editor.updateCycle(id, form.toFields()).orElseThrow(NotFoundException::new);
                redirect.addFlashAttribute("flash", "admin.flash.cycleSaved");
                return "redirect:/admin/cycles/" + id;
            } catch (SlugTakenException e) {
                result.rejectValue("slug", "admin.error.slugTaken");
            }
        }
        model.addAttribute("page", new CycleEditPage(cycle, form, errors(result, locale), cycles.sessions(id)));
        return AdminForms.unprocessable(response, CYCLE_VIEW);
    }

    @PostMapping("/admin/cycles/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        editor.setStatus(id, CycleStatus.PUBLISHED).orElseThrow(NotFoundException::new);
        redirect.addFlashAttribute("flash", "admin.flash.cyclePublished");
        return "redirect:/admin/cycles/" + id;
    }

    @PostMapping("/admin/cycles/{id}/unpublish")
    String unpublish(@PathVariable long id, RedirectAttributes redirect) {
        editor.setStatus(id, CycleStatus.DRAFT).orElseThrow(NotFoundException::new);
        redirect.addFlashAttribute("flash", "admin.flash.cycleUnpublished");
        return "redirect:/admin/cycles/" + id;
    }

    private FormErrors errors(BindingResult result, Locale locale) {
        return forms.errors(result, CycleForm.class, "admin.cycle.", locale);
    }
}

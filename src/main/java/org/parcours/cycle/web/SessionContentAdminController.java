package org.parcours.cycle.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleEditor;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.parcours.cycle.web.Pages.SessionEditPage;
import org.parcours.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agenda and key-point editors of the session page. Each button posts the whole list with an {@code action}
 * (save, up-N, down-N, remove-N), so edits typed in other rows are kept; a removed row need not be valid, any
 * other invalid row re-renders the page with HTTP 422 and saves nothing. Organisers only: the security
 * configuration requires the role for {@code /admin/**}, and {@code @PreAuthorize} repeats it here as a second
 * line of defence.
 */
@Controller
@PreAuthorize("hasRole('ORGANISER')")
class SessionContentAdminController {

    private final CycleService cycles;
    private final CycleEditor editor;
    private final AdminForms forms;

    SessionContentAdminController(CycleService cycles, CycleEditor editor, AdminForms forms) {
        this.cycles = cycles;
        this.editor = editor;
        this.forms = forms;
    }

    /** Where a re-rendered editor's URL leads when reloaded or switched to another language. */
    @GetMapping({"/admin/sessions/{id}/agenda", "/admin/sessions/{id}/key-points"})
    String toSession(@PathVariable long id) {
        return "redirect:/admin/sessions/" + id;
    }

    @PostMapping("/admin/sessions/{id}/agenda")
    String agenda(
            @PathVariable long id,
            @ModelAttribute AgendaForm form,
            BindingResult binding,
            @RequestParam(defaultValue = "save") String action,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Session session = cycles.session(id).orElseThrow(NotFoundException::new);
        RowAction rowAction = RowAction.parse(action).orElse(RowAction.SAVE);
        // Unconvertible values (a kind or a number) are reported as they are; otherwise act first, then validate.
        AgendaForm next = binding.hasErrors() ? form : form.apply(rowAction);
        BindingResult result = binding.hasErrors() ? forms.complete(form, binding) : forms.validate(next, "agendaForm");
        if (!result.hasErrors()) {
            editor.replaceAgenda(id, next.toSegments()).orElseThrow(NotFoundException::new);
            redirect.addFlashAttribute("flash", "admin.flash.agendaSaved");
            return "redirect:/admin/sessions/" + id + "#agenda";
        }
        SessionEditPage page = SessionEditPage.of(cycleOf(session), session)
                .withAgenda(next, forms.errors(result, AgendaForm.class, "admin.agenda.", locale));
        model.addAttribute("page", page);
        return AdminForms.unprocessable(response, SessionAdminController.SESSION_VIEW);
    }

    @PostMapping("/admin/sessions/{id}/key-points")
    String keyPoints(
            @PathVariable long id,
            @ModelAttribute KeyPointsForm form,
            BindingResult binding,
            @RequestParam(defaultValue = "save") String action,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Session session = cycles.session(id).orElseThrow(NotFoundException::new);
        RowAction rowAction = RowAction.parse(action).orElse(RowAction.SAVE);
        KeyPointsForm next = binding.hasErrors() ? form : form.apply(rowAction);
        BindingResult result =
                binding.hasErrors() ? forms.complete(form, binding) : forms.validate(next, "keyPointsForm");
        if (!result.hasErrors()) {
            editor.replaceKeyPoints(id, next.toTexts()).orElseThrow(NotFoundException::new);
            redirect.addFlashAttribute("flash", "admin.flash.keyPointsSaved");
            return "redirect:/admin/sessions/" + id + "#key-points";
        }
        SessionEditPage page = SessionEditPage.of(cycleOf(session), session)
                .withKeyPoints(next, forms.errors(result, KeyPointsForm.class, "admin.keyPoints.", locale));
        model.addAttribute("page", page);
        return AdminForms.unprocessable(response, SessionAdminController.SESSION_VIEW);
    }

    private Cycle cycleOf(Session session) {
        return cycles.cycle(session.cycleId()).orElseThrow(NotFoundException::new);
    }
}

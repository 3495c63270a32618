package org.parcours.cycle.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleEditor;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.parcours.cycle.SlugTakenException;
import org.parcours.cycle.web.Pages.SessionEditPage;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin of the sessions of a cycle: new, edit details, move up or down in the path, delete (after a
 * confirmation page). The agenda and key points are edited by {@link SessionContentAdminController}. Organisers
 * only: the security configuration requires the role for {@code /admin/**}, and {@code @PreAuthorize} repeats it
 * here as a second line of defence.
 */
@Controller
@PreAuthorize("hasRole('ORGANISER')")
class SessionAdminController {

    static final String SESSION_VIEW = "admin/session";

    private final CycleService cycles;
    private final CycleEditor editor;
    private final AdminForms forms;

    SessionAdminController(CycleService cycles, CycleEditor editor, AdminForms forms) {
        this.cycles = cycles;
        this.editor = editor;
        this.forms = forms;
    }

    @GetMapping("/admin/cycles/{cycleId}/sessions/new")
    String newSession(@PathVariable long cycleId, Model model) {
        Cycle cycle = cycles.cycle(cycleId).orElseThrow(NotFoundException::new);
        List<Session> path = cycles.sessions(cycleId);
        Session last = path.isEmpty() ? null : path.getLast();
        model.addAttribute("page", SessionEditPage.creating(cycle, SessionForm.empty(cycle, last), FormErrors.none()));
        return SESSION_VIEW;
    }

    @GetMapping("/admin/cycles/{cycleId}/sessions")
    String toCycle(@PathVariable long cycleId) {
        return "redirect:/admin/cycles/" + cycleId + "#sessions";
    }

    @PostMapping("/admin/cycles/{cycleId}/sessions")
    String create(
            @PathVariable long cycleId,
            @Valid @ModelAttribute SessionForm form,
            BindingResult binding,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        BindingResult result = forms.complete(form, binding);
        Cycle cycle = cycles.cycle(cycleId).orElseThrow(NotFoundException::new);
        form.check(result);
        if (!result.hasErrors()) {
            try {
                Session created = editor.createSession(cycleId, form.toFields()).orElseThrow(NotFoundException::new);
                redirect.addFlashAttribute("flash", "admin.flash.sessionCreated");
                return "redirect:/admin/sessions/" + created.id();
            } catch (SlugTakenException e) {
                result.rejectValue("slug", "admin.error.slugTakenInCycle");
            }
        }
        model.addAttribute("page", SessionEditPage.creating(cycle, form, errors(result, locale)));
        return AdminForms.unprocessable(response, SESSION_VIEW);
    }

    @GetMapping("/admin/sessions/{id}")
    String edit(@PathVariable long id, Model model) {
        Session session = cycles.session(id).orElseThrow(NotFoundException::new);
        model.addAttribute("page", SessionEditPage.of(cycleOf(session), session));
        return SESSION_VIEW;
    }

    @PostMapping("/admin/sessions/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute SessionForm form,
            BindingResult binding,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        BindingResult result = forms.complete(form, binding);
        Session session = cycles.session(id).orElseThrow(NotFoundException::new);
        form.check(result);
        if (!result.hasErrors()) {
            try {
                editor.updateSession(id, form.toFields()).orElseThrow(NotFoundException::new);
                redirect.addFlashAttribute("flash", "admin.flash.sessionSaved");
                return "redirect:/admin/sessions/" + id;
            } catch (SlugTakenException e) {
                result.rejectValue("slug", "admin.error.slugTakenInCycle");
            }
        }
        SessionEditPage page = SessionEditPage.of(cycleOf(session), session).withDetails(form, errors(result, locale));
        model.addAttribute("page", page);
        return AdminForms.unprocessable(response, SESSION_VIEW);
    }

    /** {@code direction} is {@code up} (earlier in the path) or {@code down}; the cycle page is shown again. */
    @PostMapping("/admin/sessions/{id}/move")
    String move(@PathVariable long id, @RequestParam String direction, RedirectAttributes redirect) {
        int step = switch (direction) {
            case "up" -> -1;
            case "down" -> 1;
            default -> throw new NotFoundException();
        };
        Session moved = editor.moveSession(id, step).orElseThrow(NotFoundException::new);
        redirect.addFlashAttribute("flash", "admin.flash.sessionMoved");
        return "redirect:/admin/cycles/" + moved.cycleId() + "#sessions";
    }

    @GetMapping("/admin/sessions/{id}/delete")
    String confirmDelete(@PathVariable long id, Model model) {
        Session session = cycles.session(id).orElseThrow(NotFoundException::new);
        model.addAttribute("cycle", cycleOf(session));
        model.addAttribute("session", session);
        return "admin/sessionDelete";
    }

    @PostMapping("/admin/sessions/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        Session deleted = editor.deleteSession(id).orElseThrow(NotFoundException::new);
        redirect.addFlashAttribute("flash", "admin.flash.sessionDeleted");
        return "redirect:/admin/cycles/" + deleted.cycleId() + "#sessions";
    }

    private Cycle cycleOf(Session session) {
        return cycles.cycle(session.cycleId()).orElseThrow(NotFoundException::new);
    }

    private FormErrors errors(BindingResult result, Locale locale) {
        return forms.errors(result, SessionForm.class, "admin.session.", locale);
    }
}

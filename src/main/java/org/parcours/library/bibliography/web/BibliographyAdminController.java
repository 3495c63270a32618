package org.parcours.library.bibliography.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parcours.library.bibliography.BibliographyEditor;
import org.parcours.library.bibliography.Reference;
import org.parcours.library.bibliography.ReferenceData;
import org.parcours.library.bibliography.ReferenceProblem;
import org.parcours.web.FormErrors;
import org.parcours.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisers' bibliography of a session ({@code /admin/sessions/{id}/references}) or of a cycle
 * ({@code /admin/cycles/{id}/references}): list, add, edit, delete and move references. Every change is a POST
 * with the CSRF token followed by a redirect; an invalid reference re-renders the form with HTTP 422 and saves
 * nothing. Imports are in {@link BibliographyImportController}. Organisers only: the security configuration
 * requires the role for {@code /admin/**}, and {@code @PreAuthorize} repeats it.
 */
@Controller
@PreAuthorize("hasRole('ORGANISER')")
class BibliographyAdminController {

    static final String OWNER = "/admin/{scope:sessions|cycles}/{id}/references";

    private final AdminPages pages;
    private final BibliographyEditor editor;

    BibliographyAdminController(AdminPages pages, BibliographyEditor editor) {
        this.pages = pages;
        this.editor = editor;
    }

    @GetMapping(OWNER)
    String list(
            @PathVariable String scope,
            @PathVariable long id,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        return pages.list(pages.owner(scope, id), List.of(), "", model, response, locale);
    }

    @GetMapping(OWNER + "/new")
    String newReference(@PathVariable String scope, @PathVariable long id, Model model, Locale locale) {
        return pages.form(pages.owner(scope, id), null, ReferenceForm.EMPTY, FormErrors.none(), model, locale);
    }

    @PostMapping(OWNER)
    String create(
            @PathVariable String scope,
            @PathVariable long id,
            @ModelAttribute ReferenceForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Locale locale) {
        OwnerPage owner = pages.owner(scope, id);
        List<ReferenceProblem> problems = problems(form);
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return pages.form(owner, null, form, pages.errors(form, problems, locale), model, locale);
        }
        Reference saved = editor.add(owner.owner(), form.toData());
        redirect.addFlashAttribute("flash", pages.message("bibliography.flash.added", locale));
        return "redirect:" + owner.base() + "#reference-" + saved.id();
    }

    @GetMapping("/admin/references/{id}")
    String edit(@PathVariable long id, Model model, Locale locale) {
        Reference reference = pages.reference(id);
        return pages.form(
                pages.owner(reference),
                reference,
                ReferenceForm.of(reference.data()),
                FormErrors.none(),
                model,
                locale);
    }

    @PostMapping("/admin/references/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute ReferenceForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Locale locale) {
        Reference reference = pages.reference(id);
        OwnerPage owner = pages.owner(reference);
        List<ReferenceProblem> problems = problems(form);
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return pages.form(owner, reference, form, pages.errors(form, problems, locale), model, locale);
        }
        editor.update(id, form.toData()).orElseThrow(NotFoundException::new);
        redirect.addFlashAttribute("flash", pages.message("bibliography.flash.saved", locale));
        return "redirect:" + owner.base() + "#reference-" + id;
    }

    @PostMapping("/admin/references/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        OwnerPage owner = pages.owner(pages.reference(id));
        editor.delete(id).orElseThrow(NotFoundException::new);
        redirect.addFlashAttribute("flash", pages.message("bibliography.flash.deleted", locale));
        return "redirect:" + owner.base();
    }

    /** Moves a reference one place up or down; the page comes back at the same row, focus kept by the anchor. */
    @PostMapping("/admin/references/{id}/move")
    String move(@PathVariable long id, @RequestParam(defaultValue = "") String direction) {
        int step = switch (direction) {
            case "up" -> -1;
            case "down" -> 1;
            default -> throw new NotFoundException();
        };
        OwnerPage owner = pages.owner(pages.reference(id));
        editor.move(id, step).orElseThrow(NotFoundException::new);
        return "redirect:" + owner.base() + "#reference-" + id;
    }

    private List<ReferenceProblem> problems(ReferenceForm form) {
        List<ReferenceProblem> problems = new ArrayList<>();
        if (form.kindValue() == null) {
            problems.add(new ReferenceProblem("kind", "bibliography.problem.kind", 0));
        }
        ReferenceData data = form.toData();
        problems.addAll(editor.problems(data));
        return problems;
    }
}

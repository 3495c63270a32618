package org.parcours.library.bibliography.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.parcours.library.bibliography.Bibliography;
import org.parcours.library.bibliography.Owner;
import org.parcours.library.bibliography.ParsedFile;
import org.parcours.library.bibliography.Reference;
import org.parcours.library.bibliography.ReferenceKind;
import org.parcours.library.bibliography.ReferenceProblem;
import org.parcours.web.FormErrors;
import org.parcours.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;

/** Builds the organisers' bibliography pages: the list with its import form, the reference form, the preview. */
@Component
class AdminPages {

    static final String LIST = "library/bibliographyAdmin";
    static final String FORM = "library/bibliographyForm";
    static final String PREVIEW = "library/bibliographyImport";

    private final CycleService cycles;
    private final Bibliography bibliography;
    private final MessageSource messages;

    AdminPages(CycleService cycles, Bibliography bibliography, MessageSource messages) {
        this.cycles = cycles;
        this.bibliography = bibliography;
        this.messages = messages;
    }

    /** {@code scope} is "sessions" or "cycles" (the route only matches those); unknown ids are a 404. */
    OwnerPage owner(String scope, long id) {
        if (scope.equals("cycles")) {
            Cycle cycle = cycles.cycle(id).orElseThrow(NotFoundException::new);
            return new OwnerPage(cycle, null, Owner.cycle(id));
        }
        Session session = cycles.session(id).orElseThrow(NotFoundException::new);
        Cycle cycle = cycles.cycle(session.cycleId()).orElseThrow(NotFoundException::new);
        return new OwnerPage(cycle, session, Owner.session(cycle.id(), id));
    }

    OwnerPage owner(Reference reference) {
        Long sessionId = reference.sessionId();
        return sessionId == null ? owner("cycles", reference.cycleId()) : owner("sessions", sessionId);
    }

    Reference reference(long id) {
        return bibliography.reference(id).orElseThrow(NotFoundException::new);
    }

    /** The list page; {@code problems} (already in the user's language) make it a 422. */
    String list(
            OwnerPage owner,
            List<String> problems,
            String pasted,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        List<BibliographyPages.ListPage.Row> rows = bibliography.of(owner.owner()).stream()
                .map(r -> new BibliographyPages.ListPage.Row(r, bibliography.citation(r.data(), locale)))
                .toList();
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        model.addAttribute("page", new BibliographyPages.ListPage(owner, rows, problems, pasted));
        return LIST;
    }

    String form(
            OwnerPage owner,
            @Nullable Reference reference,
            ReferenceForm form,
            FormErrors errors,
            Model model,
            Locale locale) {
        model.addAttribute("page", new BibliographyPages.FormPage(owner, reference, form, errors, kinds(locale)));
        return FORM;
    }

    String preview(OwnerPage owner, ParsedFile file, String content, String fileName, Model model, Locale locale) {
        List<BibliographyPages.PreviewPage.Row> rows = file.references().stream()
                .map(p -> new BibliographyPages.PreviewPage.Row(p.line(), bibliography.citation(p.data(), locale)))
                .toList();
        model.addAttribute("page", new BibliographyPages.PreviewPage(owner, rows, file.broken(), content, fileName));
        return PREVIEW;
    }

    FormErrors errors(ReferenceForm form, List<ReferenceProblem> problems, Locale locale) {
        BindingResult result = new DirectFieldBindingResult(form, "referenceForm");
        for (ReferenceProblem p : problems) {
            result.rejectValue(p.field(), p.messageKey(), new Object[] {p.limit()}, p.messageKey());
        }
        return FormErrors.of(result, ReferenceForm.class, "bibliography.field.", messages, locale);
    }

    String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private Map<String, String> kinds(Locale locale) {
        Map<String, String> kinds = new LinkedHashMap<>();
        for (ReferenceKind kind : ReferenceKind.values()) {
            kinds.put(kind.name(), messages.getMessage("bibliography.kind." + kind.name(), null, locale));
        }
        return kinds;
    }
}

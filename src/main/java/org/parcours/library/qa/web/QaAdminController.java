package org.parcours.library.qa.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Session;
import org.parcours.library.qa.AuthorDisplay;
import org.parcours.library.qa.ChatImports;
import org.parcours.library.qa.ChatRejected;
import org.parcours.library.qa.QaArchive;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A session's Q&A page for organisers: its archived questions, how their authors are shown, and where a chat
 * import starts (upload a chat export, or take the live room's questions). A refused file re-renders the page with
 * the reason and HTTP 422, nothing written. Organisers only ({@code /admin/**} and {@code @PreAuthorize}).
 */
@Controller
@RequestMapping("/admin/sessions/{id}/questions")
@PreAuthorize("hasRole('ORGANISER')")
class QaAdminController {

    static final String VIEW = "library/qa/admin";

    private final QaPages pages;
    private final QaArchive archive;
    private final ChatImports imports;
    private final MessageSource messages;

    QaAdminController(QaPages pages, QaArchive archive, ChatImports imports, MessageSource messages) {
        this.pages = pages;
        this.archive = archive;
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping
    String page(@PathVariable long id, Model model, Principal principal) {
        return render(pages.session(id), List.of(), model, principal);
    }

    @PostMapping("/display")
    String authorDisplay(@PathVariable long id, @RequestParam String authorDisplay, RedirectAttributes redirect) {
        pages.session(id);
        archive.setAuthorDisplay(id, AuthorDisplay.of(authorDisplay));
        redirect.addFlashAttribute("flash", "qa.admin.displaySaved");
        return "redirect:/admin/sessions/" + id + "/questions";
    }

    /** Reads the uploaded chat export and opens its review. */
    @PostMapping("/import")
    String upload(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model,
            Principal principal,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        Session session = pages.session(id);
        if (file == null || file.isEmpty()) {
            return refused(session, new ChatRejected("qa.import.noFile"), model, principal, response, locale);
        }
        try {
            String importId = imports.stageFile(
                    session, principal.getName(), String.valueOf(file.getOriginalFilename()), file.getBytes());
            return "redirect:/admin/chat-imports/" + importId;
        } catch (ChatRejected e) {
            return refused(session, e, model, principal, response, locale);
        }
    }

    /** Opens a review of the live room's questions. */
    @PostMapping("/import-live")
    String fromLiveRoom(
            @PathVariable long id, Model model, Principal principal, HttpServletResponse response, Locale locale) {
        Session session = pages.session(id);
        try {
            return "redirect:/admin/chat-imports/" + imports.stageLiveRoom(session, principal.getName());
        } catch (ChatRejected e) {
            return refused(session, e, model, principal, response, locale);
        }
    }

    private String refused(
            Session session,
            ChatRejected e,
            Model model,
            Principal principal,
            HttpServletResponse response,
            Locale locale) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        String problem = messages.getMessage(e.messageKey(), e.messageArgs(), locale);
        return render(session, List.of(problem), model, principal);
    }

    private String render(Session session, List<String> problems, Model model, Principal principal) {
        model.addAttribute(
                "page",
                new QaPages.SessionPage(
                        pages.cycle(session),
                        session,
                        archive.questions(session.id()),
                        archive.authorDisplay(session.id()),
                        imports.pending(session.id(), principal.getName()),
                        problems));
        return VIEW;
    }
}

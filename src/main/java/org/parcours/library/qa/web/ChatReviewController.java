package org.parcours.library.qa.web;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Session;
import org.parcours.library.qa.AuthorDisplay;
import org.parcours.library.qa.ChatImports;
import org.parcours.library.qa.ChatRejected;
import org.parcours.library.qa.ChatReview;
import org.parcours.library.qa.ImportSummary;
import org.parcours.library.qa.ReviewProblem;
import org.parcours.library.qa.ReviewRejected;
import org.parcours.library.qa.RowEdit;
import org.parcours.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review step of a chat import: every message in pages, with the organiser's choices saved on each submission
 * (so moving between pages keeps them), then publish or discard. Only the organiser who started the import sees it
 * (anyone else gets 404). A refused submission re-renders the page with what was typed and HTTP 422, nothing saved.
 */
@Controller
@RequestMapping("/admin/chat-imports/{importId}")
@PreAuthorize("hasRole('ORGANISER')")
class ChatReviewController {

    static final String VIEW = "library/qa/review";

    private final QaPages pages;
    private final ChatImports imports;
    private final ChatReview review;
    private final MessageSource messages;

    ChatReviewController(QaPages pages, ChatImports imports, ChatReview review, MessageSource messages) {
        this.pages = pages;
        this.imports = imports;
        this.review = review;
        this.messages = messages;
    }

    @GetMapping
    String show(
            @PathVariable String importId,
            @RequestParam(required = false) @Nullable String show,
            @RequestParam(defaultValue = "1") int page,
            Model model,
            Principal principal) {
        ImportSummary summary = summary(importId, principal);
        var choice = new ReviewPage.PublishChoice(AuthorDisplay.DEFAULT.name(), "", true);
        // without a choice: the questions, or every message when none is pre-selected
        boolean questionsOnly = show == null ? summary.questions() > 0 : !"all".equals(show);
        return render(summary, questionsOnly, page, Map.of(), List.of(), List.of(), choice, model);
    }

    /**
     * Saves the page's rows, then: {@code action=publish} publishes, {@code action=discard} drops the import,
     * {@code mergePrevious=<n>} merges message n into the question before it, {@code goto=<page>} and {@code
     * view=questions|all} move around; otherwise the same page is shown again.
     */
    @PostMapping
    String submit(
            @PathVariable String importId,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            Principal principal,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Locale locale) {
        ImportSummary summary = summary(importId, principal);
        String action = params.getFirst("action");
        if ("discard".equals(action)) {
            imports.discard(importId, principal.getName());
            redirect.addFlashAttribute("flash", "qa.review.discarded");
            return "redirect:/admin/sessions/" + summary.sessionId() + "/questions";
        }
        boolean questionsOnly = !"all".equals(params.getFirst("show"));
        int page = number(params.getFirst("page"), 1);
        var choice = new ReviewPage.PublishChoice(
                AuthorDisplay.of(value(params, "authorDisplay")).name(),
                value(params, "theme"),
                "true".equals(params.getFirst("published")));
        Map<Integer, RowEdit> edits = edits(params);
        Integer mergePrevious =
                params.containsKey("mergePrevious") ? number(params.getFirst("mergePrevious"), 0) : null;
        try {
            review.save(summary, List.copyOf(edits.values()), mergePrevious);
        } catch (ReviewRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(summary, questionsOnly, page, edits, e.problems(), List.of(), choice, model);
        }
        if ("publish".equals(action)) {
            try {
                var publication = new ChatImports.Publication(
                        AuthorDisplay.of(choice.authorDisplay()), choice.theme(), choice.published());
                int created = imports.publish(importId, principal.getName(), publication);
                redirect.addFlashAttribute("flash", "qa.review.publishedFlash");
                redirect.addFlashAttribute("flashCount", created);
                return "redirect:/admin/sessions/" + summary.sessionId() + "/questions";
            } catch (ChatRejected e) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                String refusal = messages.getMessage(e.messageKey(), e.messageArgs(), locale);
                ImportSummary now = summary(importId, principal);
                return render(now, questionsOnly, page, Map.of(), List.of(), List.of(refusal), choice, model);
            }
        }
        String view = params.containsKey("view") ? value(params, "view") : questionsOnly ? "questions" : "all";
        int target = params.containsKey("view") ? 1 : number(params.getFirst("goto"), page);
        String anchor = mergePrevious != null ? "#row-" + mergePrevious : "";
        redirect.addFlashAttribute("flash", "qa.review.saved");
        return "redirect:/admin/chat-imports/" + importId + "?show=" + ("all".equals(view) ? "all" : "questions")
                + "&page=" + target + anchor;
    }

    private ImportSummary summary(String importId, Principal principal) {
        return imports.summary(importId, principal.getName()).orElseThrow(NotFoundException::new);
    }

    private String render(
            ImportSummary summary,
            boolean questionsOnly,
            int page,
            Map<Integer, RowEdit> submitted,
            List<ReviewProblem> errors,
            List<String> refusals,
            ReviewPage.PublishChoice choice,
            Model model) {
        Session session = pages.session(summary.sessionId());
        model.addAttribute(
                "page",
                new ReviewPage(
                        pages.cycle(session),
                        session,
                        summary,
                        review.rows(summary, questionsOnly, page),
                        questionsOnly,
                        imports.problems(summary),
                        submitted,
                        errors,
                        refusals,
                        choice));
        return VIEW;
    }

    /** The rows of the submitted page: {@code row} lists their positions, {@code q} the ticked ones. */
    static Map<Integer, RowEdit> edits(MultiValueMap<String, String> params) {
        List<String> ticked = params.getOrDefault("q", List.of());
        Map<Integer, RowEdit> edits = new TreeMap<>();
        for (String row : params.getOrDefault("row", List.of())) {
            int p = number(row, -1);
            if (p < 1 || edits.containsKey(p)) {
                continue;
            }
            edits.put(
                    p,
                    new RowEdit(
                            p,
                            ticked.contains(row),
                            value(params, "text-" + p),
                            value(params, "votes-" + p),
                            value(params, "theme-" + p),
                            value(params, "merge-" + p)));
        }
        return edits;
    }

    private static String value(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }

    private static int number(@Nullable String value, int otherwise) {
        try {
            return value == null ? otherwise : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}

package org.parcours.library.qa.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.parcours.cycle.Session;
import org.parcours.library.qa.ArchivedQuestion;
import org.parcours.library.qa.QaArchive;
import org.parcours.web.FormErrors;
import org.parcours.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One archived question for organisers: edit its text, author, time, theme, votes, status and answer (Markdown);
 * publish or unpublish it, move it, delete it. Invalid input re-renders the form with HTTP 422. Organisers only.
 */
@Controller
@RequestMapping("/admin/questions/{qid}")
@PreAuthorize("hasRole('ORGANISER')")
class QuestionAdminController {

    static final String VIEW = "library/qa/question";

    private final QaPages pages;
    private final QaArchive archive;
    private final MessageSource messages;

    QuestionAdminController(QaPages pages, QaArchive archive, MessageSource messages) {
        this.pages = pages;
        this.archive = archive;
        this.messages = messages;
    }

    @GetMapping
    String edit(@PathVariable long qid, Model model) {
        ArchivedQuestion question = question(qid);
        return render(question, QuestionForm.of(question), FormErrors.none(), model);
    }

    @PostMapping
    String save(
            @PathVariable long qid,
            @ModelAttribute QuestionForm form,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ArchivedQuestion question = question(qid);
        BindingResult result = new BeanPropertyBindingResult(form, "questionForm");
        form.check(result);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            FormErrors errors = FormErrors.of(result, QuestionForm.class, "qa.question.", messages, locale);
            return render(question, form, errors, model);
        }
        if (!archive.update(qid, form.toEdit())) {
            throw new NotFoundException();
        }
        redirect.addFlashAttribute("flash", "qa.question.flash.saved");
        return "redirect:/admin/sessions/" + question.sessionId() + "/questions#" + question.anchor();
    }

    @PostMapping("/publish")
    String publish(@PathVariable long qid, @RequestParam boolean published, RedirectAttributes redirect) {
        ArchivedQuestion question = question(qid);
        archive.setPublished(qid, published);
        redirect.addFlashAttribute(
                "flash", published ? "qa.question.flash.published" : "qa.question.flash.unpublished");
        return "redirect:/admin/sessions/" + question.sessionId() + "/questions#" + question.anchor();
    }

    @PostMapping("/move")
    String move(@PathVariable long qid, @RequestParam String direction) {
        ArchivedQuestion question = question(qid);
        int step = switch (direction) {
            case "up" -> -1;
            case "down" -> 1;
            default -> throw new NotFoundException();
        };
        archive.move(qid, step);
        return "redirect:/admin/sessions/" + question.sessionId() + "/questions#" + question.anchor();
    }

    @PostMapping("/delete")
    String delete(@PathVariable long qid, RedirectAttributes redirect) {
        ArchivedQuestion question = question(qid);
        archive.delete(qid);
        redirect.addFlashAttribute("flash", "qa.question.flash.deleted");
        return "redirect:/admin/sessions/" + question.sessionId() + "/questions";
    }

    private ArchivedQuestion question(long qid) {
        return archive.question(qid).orElseThrow(NotFoundException::new);
    }

    private String render(ArchivedQuestion question, QuestionForm form, FormErrors errors, Model model) {
        Session session = pages.session(question.sessionId());
        model.addAttribute(
                "page",
                new QaPages.EditPage(
                        pages.cycle(session), session, question, form, errors, archive.themes(session.id())));
        return VIEW;
    }
}

package org.parcours.live.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.parcours.cycle.Session;
import org.parcours.live.LivePresence;
import org.parcours.live.PollService;
import org.parcours.live.QuestionService;
import org.parcours.live.RoomService;
import org.parcours.live.TakeawayService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * Organisers set a room up (when it opens, whether guests may take part with a nickname, pre-moderation, chat
 * slow mode) and read its archive after the session: questions with votes and status, poll results, the shared
 * takeaways, attendance. Organisers only: {@code /admin/**} requires the role, and {@code @PreAuthorize} repeats it.
 */
@Controller
@PreAuthorize("hasRole('ORGANISER')")
public class LiveRoomAdminController {

    private final LivePages pages;
    private final RoomService rooms;
    private final QuestionService questions;
    private final PollService polls;
    private final TakeawayService takeaways;
    private final LivePresence presence;
    private final MessageSource messages;

    LiveRoomAdminController(
            LivePages pages,
            RoomService rooms,
            QuestionService questions,
            PollService polls,
            TakeawayService takeaways,
            LivePresence presence,
            MessageSource messages) {
        this.pages = pages;
        this.rooms = rooms;
        this.questions = questions;
        this.polls = polls;
        this.takeaways = takeaways;
        this.presence = presence;
        this.messages = messages;
    }

    /** The settings page, with what the room holds so far (its archive once the session is over). */
    public record RoomAdminPage(
            LiveText text,
            Session session,
            String livePath,
            RoomSettingsForm form,
            Map<String, String> errors,
            java.util.List<org.parcours.live.QuestionView> questions,
            java.util.List<org.parcours.live.PollView> polls,
            java.util.List<org.parcours.live.TakeawayView> wall,
            long attendees) {}

    @GetMapping("/admin/live/{sessionId}")
    String settings(@PathVariable long sessionId, Model model) {
        model.addAttribute("page", page(sessionId, RoomSettingsForm.of(rooms.room(sessionId)), Map.of()));
        return "live/admin";
    }

    @PostMapping("/admin/live/{sessionId}")
    String save(
            @PathVariable long sessionId,
            @ModelAttribute RoomSettingsForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> errors = form.check();
        // values that are not numbers at all arrive as binding errors, with the field left empty
        binding.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(), "live.settings.error.number"));
        if (!errors.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("page", page(sessionId, form, errors));
            return "live/admin";
        }
        rooms.saveSettings(sessionId, form.toSettings());
        redirect.addFlashAttribute("flash", "live.settings.saved");
        return "redirect:/admin/live/" + sessionId;
    }

    private RoomAdminPage page(long sessionId, RoomSettingsForm form, Map<String, String> errors) {
        Session session = pages.session(sessionId);
        return new RoomAdminPage(
                new LiveText(messages, LocaleContextHolder.getLocale()),
                session,
                LivePage.url(pages.cycleOf(session), session),
                form,
                errors,
                questions.archive(sessionId),
                polls.list(sessionId, true),
                takeaways.wall(sessionId, true),
                presence.attendees(sessionId).size());
    }
}

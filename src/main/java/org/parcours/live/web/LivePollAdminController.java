package org.parcours.live.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Session;
import org.parcours.live.LiveRefusedException;
import org.parcours.live.PollService;
import org.parcours.live.PollView;
import org.parcours.live.Refusal;
import org.parcours.live.TakeawayService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Organisers prepare, open and close polls, and hide shared takeaways from the wall. Organisers only:
 * {@code /admin/**} requires the role, and {@code @PreAuthorize} repeats it here.
 */
@Controller
@PreAuthorize("hasRole('ORGANISER')")
class LivePollAdminController {

    private final LivePages pages;
    private final LiveResponses responses;
    private final PollService polls;
    private final TakeawayService takeaways;

    LivePollAdminController(LivePages pages, LiveResponses responses, PollService polls, TakeawayService takeaways) {
        this.pages = pages;
        this.responses = responses;
        this.polls = polls;
        this.takeaways = takeaways;
    }

    @PostMapping("/admin/live/{sessionId}/polls")
    @Nullable
    String create(
            @PathVariable long sessionId,
            @RequestParam(defaultValue = "") String question,
            @RequestParam(defaultValue = "") String options,
            @RequestParam(defaultValue = "false") boolean multiple,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale)
            throws IOException {
        Session session = pages.session(sessionId);
        return responses.perform(session, request, response, model, locale, () -> {
            polls.create(sessionId, question, Arrays.asList(options.split("\\R")), multiple);
            return null;
        });
    }

    @PostMapping("/admin/live/{sessionId}/polls/{pollId}/{action}")
    @Nullable
    String status(
            @PathVariable long sessionId,
            @PathVariable long pollId,
            @PathVariable String action,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale)
            throws IOException {
        Session session = pages.session(sessionId);
        return responses.perform(session, request, response, model, locale, () -> {
            PollView.PollStatus status = switch (action) {
                case "open" -> PollView.PollStatus.OPEN;
                case "close" -> PollView.PollStatus.CLOSED;
                default -> throw new LiveRefusedException(Refusal.NOT_FOUND);
            };
            polls.setStatus(sessionId, pollId, status);
            return null;
        });
    }

    @PostMapping("/admin/live/{sessionId}/takeaways/{takeawayId}/{action}")
    @Nullable
    String takeaway(
            @PathVariable long sessionId,
            @PathVariable long takeawayId,
            @PathVariable String action,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale)
            throws IOException {
        Session session = pages.session(sessionId);
        return responses.perform(session, request, response, model, locale, () -> {
            switch (action) {
                case "hide" -> takeaways.setHidden(sessionId, takeawayId, true);
                case "show" -> takeaways.setHidden(sessionId, takeawayId, false);
                default -> throw new LiveRefusedException(Refusal.NOT_FOUND);
            }
            return null;
        });
    }
}

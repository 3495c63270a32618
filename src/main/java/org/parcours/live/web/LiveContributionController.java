package org.parcours.live.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Session;
import org.parcours.live.LiveRefusedException;
import org.parcours.live.Participant;
import org.parcours.live.PollService;
import org.parcours.live.Refusal;
import org.parcours.live.TakeawayService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Participants answer polls and write what they take away. Same rules as {@link LiveActionController}: open at
 * the HTTP level, the services decide.
 */
@Controller
class LiveContributionController {

    private final LivePages pages;
    private final LiveResponses responses;
    private final LiveIdentity identity;
    private final PollService polls;
    private final TakeawayService takeaways;

    LiveContributionController(
            LivePages pages,
            LiveResponses responses,
            LiveIdentity identity,
            PollService polls,
            TakeawayService takeaways) {
        this.pages = pages;
        this.responses = responses;
        this.identity = identity;
        this.polls = polls;
        this.takeaways = takeaways;
    }

    @PostMapping("/live/{sessionId}/polls/{pollId}/answer")
    @Nullable
    String answer(
            @PathVariable long sessionId,
            @PathVariable long pollId,
            @RequestParam(name = "option", required = false) @Nullable List<Long> options,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale)
            throws IOException {
        Session session = pages.session(sessionId);
        return responses.perform(session, request, response, model, locale, () -> {
            polls.answer(participant(sessionId, request), pollId, options == null ? List.of() : options);
            return null;
        });
    }

    @PostMapping("/live/{sessionId}/takeaways")
    @Nullable
    String takeaway(
            @PathVariable long sessionId,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "false") boolean shared,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale)
            throws IOException {
        Session session = pages.session(sessionId);
        return responses.perform(session, request, response, model, locale, () -> {
            takeaways.write(participant(sessionId, request), text, shared);
            return null;
        });
    }

    private Participant participant(long sessionId, HttpServletRequest request) {
        return identity.participant(sessionId, request).orElseThrow(() -> new LiveRefusedException(Refusal.SIGN_IN));
    }
}

package org.parcours.live.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.parcours.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The live page of a session (public for sessions of published cycles) and its plain, self-refreshing read-only
 * version for browsers without script. The conference link is only ever rendered for a conference-seated viewer.
 */
@Controller
class LivePageController {

    private static final String SLUG = "[A-Za-z0-9][A-Za-z0-9_-]{0,119}";

    private final CycleService cycles;
    private final LivePages pages;

    LivePageController(CycleService cycles, LivePages pages) {
        this.cycles = cycles;
        this.pages = pages;
    }

    @GetMapping("/cycles/{slug}/sessions/{sessionSlug}/live")
    String live(
            @PathVariable String slug,
            @PathVariable String sessionSlug,
            @RequestParam(defaultValue = "votes") String sort,
            HttpServletRequest request,
            Model model) {
        if (!slug.matches(SLUG) || !sessionSlug.matches(SLUG)) {
            throw new NotFoundException();
        }
        Cycle cycle = cycles.publishedCycle(slug).orElseThrow(NotFoundException::new);
        Session session = cycles.session(cycle.id(), sessionSlug).orElseThrow(NotFoundException::new);
        model.addAttribute("page", pages.page(cycle, session, request, sort, null));
        return LiveResponses.PAGE_VIEW;
    }

    /** Large type and the top questions only, for sharing on screen during the session. */
    @GetMapping("/live/{sessionId}/presenter")
    String presenter(@PathVariable long sessionId, HttpServletRequest request, Model model) {
        Session session = pages.session(sessionId);
        model.addAttribute("page", pages.page(pages.cycleOf(session), session, request, "votes", null));
        return "live/presenter";
    }

    /** The room read-only, refreshed by the browser every 15 seconds: reading works without script. */
    @GetMapping("/live/{sessionId}/plain")
    String plain(
            @PathVariable long sessionId,
            @RequestParam(defaultValue = "votes") String sort,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Session session = pages.session(sessionId);
        response.setHeader("Refresh", "15");
        model.addAttribute("page", pages.page(pages.cycleOf(session), session, request, sort, null));
        return "live/plain";
    }
}

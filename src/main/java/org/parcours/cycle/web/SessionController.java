package org.parcours.cycle.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.SessionStatus;
import org.parcours.library.bibliography.Bibliography;
import org.parcours.library.bibliography.BibliographyView;
import org.parcours.library.qa.QaArchive;
import org.parcours.library.qa.SessionQuestions;
import org.parcours.live.LiveArchive;
import org.parcours.media.MediaService;
import org.parcours.media.SessionMedia;
import org.parcours.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/**
 * Public session pages: agenda, recap of the previous sessions, and the places later features fill (replay,
 * bibliography, questions, feedback). Open to everyone for sessions of published cycles. The conference link is
 * never shown here: registration decides who gets it.
 */
@Controller
class SessionController {

    private final CycleService cycles;
    private final MediaService media;
    private final Bibliography bibliography;
    private final QaArchive questions;
    private final LiveArchive liveRoom;
    private final Clock clock;

    SessionController(
            CycleService cycles,
            MediaService media,
            Bibliography bibliography,
            QaArchive questions,
            LiveArchive liveRoom,
            Clock clock) {
        this.cycles = cycles;
        this.media = media;
        this.bibliography = bibliography;
        this.questions = questions;
        this.liveRoom = liveRoom;
        this.clock = clock;
    }

    @GetMapping("/cycles/{slug}/sessions/{sessionSlug}")
    @Nullable
    String session(
            @PathVariable String slug,
            @PathVariable String sessionSlug,
            Model model,
            WebRequest request,
            HttpServletResponse response,
            Locale locale) {
        PublicPages.requireSlug(sessionSlug);
        Cycle cycle = cycles.publishedCycle(PublicPages.requireSlug(slug)).orElseThrow(NotFoundException::new);
        SessionPage page = SessionPage.of(cycle, cycles.sessions(cycle.id()), sessionSlug, clock.instant())
                .orElseThrow(NotFoundException::new);
        // media: the replay and slides are part of what the page shows, so of its ETag too
        SessionMedia sessionMedia = media.sessionMedia(page.session().id());
        // library: the rendered references and the published questions are part of the page, so of its ETag too
        BibliographyView references = bibliography.sessionView(cycle, page.session(), locale);
        SessionQuestions sessionQuestions =
                questions.sessionQuestions(page.session().id());
        // live: once the session is over, its closed polls and shared takeaways
        LiveArchive.SessionRoom room = page.step().status() == SessionStatus.PAST
                ? liveRoom.of(page.session().id())
                : LiveArchive.SessionRoom.NONE;
        if (PublicPages.notModified(
                request, response, locale, List.of(page, sessionMedia, references, sessionQuestions, room))) {
            return null;
        }
        model.addAttribute("page", page);
        model.addAttribute("media", sessionMedia);
        model.addAttribute("bibliography", references);
        model.addAttribute("questions", sessionQuestions);
        model.addAttribute("liveRoom", room);
        return "cycle/session";
    }

    @GetMapping("/cycles/{slug}/sessions")
    String sessions(@PathVariable String slug) {
        return "redirect:/cycles/" + PublicPages.requireSlug(slug);
    }
}

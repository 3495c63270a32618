package org.parcours.cycle.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.library.bibliography.Bibliography;
import org.parcours.library.bibliography.BibliographyView;
import org.parcours.media.MediaService;
import org.parcours.media.MediaSummary;
import org.parcours.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/**
 * Public pages of cycles: the home page and the cycle page with its path. Open to everyone; shows published
 * cycles and trainings only (a draft's slug is a 404).
 */
@Controller
class CycleController {

    private final CycleService cycles;
    private final MediaService media;
    private final Bibliography bibliography;
    private final Clock clock;

    CycleController(CycleService cycles, MediaService media, Bibliography bibliography, Clock clock) {
        this.cycles = cycles;
        this.media = media;
        this.bibliography = bibliography;
        this.clock = clock;
    }

    @GetMapping("/")
    @Nullable
    String home(Model model, WebRequest request, HttpServletResponse response, Locale locale) {
        HomePage page = HomePage.of(cycles.publishedOverviews(), cycles.publishedTrainings());
        if (PublicPages.notModified(request, response, locale, page)) {
            return null;
        }
        model.addAttribute("page", page);
        return "cycle/home";
    }

    @GetMapping("/cycles/{slug}")
    @Nullable
    String cycle(
            @PathVariable String slug, Model model, WebRequest request, HttpServletResponse response, Locale locale) {
        Cycle cycle = cycles.publishedCycle(PublicPages.requireSlug(slug)).orElseThrow(NotFoundException::new);
        CyclePage page = CyclePage.of(
                cycle, cycles.sessions(cycle.id()), cycles.publishedTrainings(cycle.id()), clock.instant());
        // media: whether each session has a replay and slides
        Map<Long, MediaSummary> mediaSummaries = media.summaries(
                page.path().stream().map(step -> step.session().id()).toList());
        // library: the cycle's own references and its bibliography exports
        BibliographyView references = bibliography.cycleView(cycle, locale);
        if (PublicPages.notModified(
                request, response, locale, List.of(page, new TreeMap<>(mediaSummaries), references))) {
            return null;
        }
        model.addAttribute("page", page);
        model.addAttribute("media", mediaSummaries);
        model.addAttribute("bibliography", references);
        return "cycle/cycle";
    }

    /** The cycles are listed on the home page; someone trimming the address lands there. */
    @GetMapping({"/cycles", "/trainings"})
    String index() {
        return "redirect:/";
    }
}

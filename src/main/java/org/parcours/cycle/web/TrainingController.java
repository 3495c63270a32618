package org.parcours.cycle.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Training;
import org.parcours.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/** Public training pages. Open to everyone; a draft training's slug is a 404. */
@Controller
class TrainingController {

    private final CycleService cycles;

    TrainingController(CycleService cycles) {
        this.cycles = cycles;
    }

    @GetMapping("/trainings/{slug}")
    @Nullable
    String training(
            @PathVariable String slug, Model model, WebRequest request, HttpServletResponse response, Locale locale) {
        Training training =
                cycles.publishedTraining(PublicPages.requireSlug(slug)).orElseThrow(NotFoundException::new);
        Cycle cycle = training.cycleId() == null
                ? null
                : cycles.cycle(training.cycleId()).filter(Cycle::published).orElse(null);
        TrainingPage page = new TrainingPage(training, cycle);
        if (PublicPages.notModified(request, response, locale, page)) {
            return null;
        }
        model.addAttribute("page", page);
        return "cycle/training";
    }
}

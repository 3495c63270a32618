package org.parcours.cycle.web;

import org.parcours.cycle.CycleService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Public pages of cycles: the home page. Open to everyone; shows published content only. */
@Controller
class CycleController {

    private final CycleService cycles;

    CycleController(CycleService cycles) {
        this.cycles = cycles;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("cycles", cycles.publishedCycles());
        return "cycle/home";
    }
}

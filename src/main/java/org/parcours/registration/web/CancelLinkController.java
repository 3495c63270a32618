package org.parcours.registration.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.parcours.registration.CancelLinks;
import org.parcours.registration.RegistrationService;
import org.parcours.registration.RegistrationService.CancelPreview;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One-click cancel links from the e-mails, usable without signing in (the signed token is the authority). GET
 * only shows what would be cancelled, with a button: mail scanners fetch links, and must not cancel anything. The
 * POST (CSRF-protected) cancels and comes back to the GET, which then explains the result. A forged or damaged
 * token gets a 400 page that says so.
 */
@Controller
class CancelLinkController {

    private final CancelLinks links;
    private final RegistrationService registrations;

    CancelLinkController(CancelLinks links, RegistrationService registrations) {
        this.links = links;
        this.registrations = registrations;
    }

    @GetMapping("/registrations/cancel/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<CancelLinks.Target> target = links.verify(token);
        if (target.isEmpty()) {
            return invalid(model, response);
        }
        CancelPreview preview = registrations.preview(target.get());
        if (preview instanceof CancelPreview.Unknown) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        model.addAttribute("preview", preview);
        model.addAttribute("token", token);
        return "registration/cancel";
    }

    @PostMapping("/registrations/cancel/{token}")
    String cancel(@PathVariable String token, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<CancelLinks.Target> target = links.verify(token);
        if (target.isEmpty()) {
            return invalid(model, response);
        }
        CancelPreview result = registrations.cancel(target.get());
        redirect.addFlashAttribute("done", result instanceof CancelPreview.Possible);
        return "redirect:/registrations/cancel/" + token;
    }

    private static String invalid(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("preview", new CancelPreview.Unknown());
        model.addAttribute("invalid", true);
        return "registration/cancel";
    }
}

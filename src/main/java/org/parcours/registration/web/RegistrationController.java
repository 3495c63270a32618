package org.parcours.registration.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.parcours.account.CurrentPerson;
import org.parcours.account.Person;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.parcours.cycle.SessionStatus;
import org.parcours.registration.RegistrationRefusedException;
import org.parcours.registration.RegistrationService;
import org.parcours.registration.RegistrationService.CycleSeats;
import org.parcours.registration.SessionSeat;
import org.parcours.web.FormErrors;
import org.parcours.web.NotFoundException;
import org.parcours.web.RateLimiter;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Public registration: the form (its own page, and a fragment that htmx loads into the cycle and session pages so
 * those stay cacheable), the submission (CSRF-protected, rate-limited per IP and per address, Post/Redirect/Get)
 * and the confirmation page. Open to everyone for published cycles.
 */
@Controller
class RegistrationController {

    static final String RATE_FAMILY = "registration";

    private final CycleService cycles;
    private final RegistrationService registrations;
    private final CurrentPerson signedIn;
    private final RateLimiter rateLimiter;
    private final MessageSource messages;

    RegistrationController(
            CycleService cycles,
            RegistrationService registrations,
            CurrentPerson signedIn,
            RateLimiter rateLimiter,
            MessageSource messages) {
        this.cycles = cycles;
        this.registrations = registrations;
        this.signedIn = signedIn;
        this.rateLimiter = rateLimiter;
        this.messages = messages;
    }

    /** What the confirmation page shows after the redirect: whose registration, for which sessions. */
    record Registered(long personId, List<Long> sessionIds, boolean changed) implements Serializable {}

    @GetMapping("/cycles/{slug}/register")
    String form(@PathVariable String slug, @RequestParam(required = false) @Nullable String session, Model model) {
        model.addAttribute("page", page(slug, session));
        return "registration/register";
    }

    /** The form alone, for htmx to put into the cycle or session page. */
    @GetMapping("/cycles/{slug}/register/form")
    String fragment(@PathVariable String slug, @RequestParam(required = false) @Nullable String session, Model model) {
        model.addAttribute("page", page(slug, session));
        return "registration/formFragment";
    }

    @PostMapping("/cycles/{slug}/register")
    String register(
            @PathVariable String slug,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        Cycle cycle = publishedCycle(slug);
        RegistrationForm.Submitted submitted = RegistrationForm.from(params);
        RegistrationForm form = submitted.form();
        BindingResult result = submitted.result();
        Person person = signedIn.get().orElse(null);
        form.check(result, person != null);
        if (!result.hasErrors()) {
            String email = person != null ? person.email() : form.emailOrEmpty().toLowerCase(Locale.ROOT);
            if (!rateLimiter.allow(RATE_FAMILY, "ip:" + request.getRemoteAddr(), "email:" + email)) {
                model.addAttribute(
                        "page", page(cycle, form, FormErrors.none(), person, null, "registration.rateLimited"));
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                return "registration/register";
            }
            try {
                RegistrationService.Outcome outcome = registrations.register(new RegistrationService.Request(
                        Objects.requireNonNull(cycle.id()),
                        person != null
                                ? new RegistrationService.Registrant(person.displayName(), person.email(), locale)
                                : new RegistrationService.Registrant(form.nameOrEmpty(), email, locale),
                        form.wholeCycle(),
                        form.chosen(),
                        form.conference()));
                List<Long> sessionIds = outcome.seats().stream()
                        .map(s -> Objects.requireNonNull(s.session().id()))
                        .toList();
                redirect.addFlashAttribute(
                        "registered",
                        new Registered(Objects.requireNonNull(outcome.person().id()), sessionIds, outcome.changed()));
                return "redirect:/cycles/" + cycle.slug() + "/registered";
            } catch (RegistrationRefusedException e) {
                result.reject(e.messageKey());
            }
        }
        FormErrors errors = FormErrors.of(result, RegistrationForm.class, "registration.form.", messages, locale);
        model.addAttribute("page", page(cycle, form, errors, person, null, null));
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return "registration/register";
    }

    /** The confirmation, right after registering; without it (a reload later) the cycle page. */
    @GetMapping("/cycles/{slug}/registered")
    String registered(@PathVariable String slug, Model model) {
        Cycle cycle = publishedCycle(slug);
        Object flash = model.getAttribute("registered");
        if (!(flash instanceof Registered registered)) {
            return "redirect:/cycles/" + cycle.slug();
        }
        Set<Long> ids = Set.copyOf(registered.sessionIds());
        List<SessionSeat> seats = registrations.registrationsOf(registered.personId()).stream()
                .filter(c -> Objects.equals(c.cycle().id(), cycle.id()))
                .map(CycleSeats::seats)
                .flatMap(List::stream)
                .filter(s -> ids.contains(s.session().id()))
                .toList();
        model.addAttribute("cycle", cycle);
        model.addAttribute("seats", seats);
        model.addAttribute("changed", registered.changed());
        model.addAttribute("signedIn", signedIn.get().isPresent());
        return "registration/registered";
    }

    private RegisterPage page(String slug, @Nullable String sessionSlug) {
        Cycle cycle = publishedCycle(slug);
        Long focus = null;
        if (sessionSlug != null) {
            focus = cycles.session(Objects.requireNonNull(cycle.id()), sessionSlug)
                    .map(Session::id)
                    .orElseThrow(NotFoundException::new);
        }
        Person person = signedIn.get().orElse(null);
        return page(cycle, RegistrationForm.empty(focus), FormErrors.none(), person, focus, null);
    }

    private RegisterPage page(
            Cycle cycle,
            RegistrationForm form,
            FormErrors errors,
            @Nullable Person person,
            @Nullable Long focus,
            @Nullable String notice) {
        List<RegisterPage.Option> options = cycles.sessions(Objects.requireNonNull(cycle.id())).stream()
                .filter(s -> s.statusAt(cycles.clock().instant()) == SessionStatus.UPCOMING)
                .map(s -> new RegisterPage.Option(s, registrations.counts(s)))
                .toList();
        RegisterPage.Option focused = options.stream()
                .filter(o -> Objects.equals(o.session().id(), focus))
                .findFirst()
                .orElse(null);
        return new RegisterPage(cycle, options, form, errors, person, focused, notice);
    }

    private Cycle publishedCycle(String slug) {
        if (!slug.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,119}")) {
            throw new NotFoundException();
        }
        return cycles.publishedCycle(slug).orElseThrow(NotFoundException::new);
    }
}

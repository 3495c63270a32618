package org.parcours.registration.web;

import java.util.Objects;
import org.parcours.account.CurrentPerson;
import org.parcours.account.Person;
import org.parcours.registration.CancelLinks;
import org.parcours.registration.RegistrationService;
import org.parcours.registration.RegistrationService.CancelPreview;
import org.parcours.registration.calendar.CalendarFeeds;
import org.parcours.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My space": the signed-in person's registrations by cycle, with their seats, join links and cancel buttons.
 * Needs a signed-in user (security configuration: {@code /me/**}); ids of other people's registrations are 404s.
 */
@Controller
class MySpaceController {

    private final RegistrationService registrations;
    private final CurrentPerson signedIn;
    private final CalendarFeeds calendarFeeds;

    MySpaceController(RegistrationService registrations, CurrentPerson signedIn, CalendarFeeds calendarFeeds) {
        this.registrations = registrations;
        this.signedIn = signedIn;
        this.calendarFeeds = calendarFeeds;
    }

    @GetMapping("/me")
    String mySpace(Model model) {
        Person person = signedIn.get().orElseThrow(NotFoundException::new);
        long personId = Objects.requireNonNull(person.id());
        model.addAttribute("page", MySpacePage.of(person, registrations.registrationsOf(personId), registrations));
        model.addAttribute("calendarFeed", calendarFeeds.link(personId));
        return "registration/me";
    }

    @PostMapping("/me/registrations/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        Person person = signedIn.get().orElseThrow(NotFoundException::new);
        return done(registrations.cancelMine(Objects.requireNonNull(person.id()), id), redirect);
    }

    @PostMapping("/me/cycles/{cycleId}/cancel")
    String cancelCycle(@PathVariable long cycleId, RedirectAttributes redirect) {
        Person person = signedIn.get().orElseThrow(NotFoundException::new);
        return done(registrations.cancel(new CancelLinks.All(cycleId, Objects.requireNonNull(person.id()))), redirect);
    }

    private static String done(CancelPreview result, RedirectAttributes redirect) {
        if (result instanceof CancelPreview.Unknown) {
            throw new NotFoundException();
        }
        redirect.addFlashAttribute(
                "flash",
                switch (result) {
                    case CancelPreview.Possible p -> "registration.me.cancelled";
                    case CancelPreview.Started s -> "registration.cancel.started";
                    default -> "registration.cancel.already";
                });
        return "redirect:/me";
    }
}

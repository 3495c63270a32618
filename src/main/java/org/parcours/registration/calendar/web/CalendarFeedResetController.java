package org.parcours.registration.calendar.web;

import java.util.Objects;
import org.parcours.account.CurrentPerson;
import org.parcours.account.Person;
import org.parcours.registration.calendar.CalendarFeeds;
import org.parcours.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Give me a new feed link" for a signed-in person (the form is in {@code registration/calendarFeed.jte}, shown in
 * their space). POST with CSRF; the security configuration requires a signed-in user.
 */
@Controller
class CalendarFeedResetController {

    static final String SPACE = "/me";

    private final CalendarFeeds feeds;
    private final CurrentPerson signedIn;

    CalendarFeedResetController(CalendarFeeds feeds, CurrentPerson signedIn) {
        this.feeds = feeds;
        this.signedIn = signedIn;
    }

    @PostMapping("/calendar/reset")
    String reset(RedirectAttributes redirect) {
        Person person = signedIn.get().orElseThrow(NotFoundException::new);
        feeds.resetLink(Objects.requireNonNull(person.id()));
        redirect.addFlashAttribute("calendarFeedReset", true);
        return "redirect:" + SPACE + "#calendar-feed";
    }
}

package org.parcours.registration.calendar.web;

import java.security.Principal;
import org.parcours.account.Participants;
import org.parcours.account.Person;
import org.parcours.registration.calendar.CalendarFeeds;
import org.parcours.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Give me a new feed link" for a signed-in person (the form is in {@code registration/calendarFeed.jte}, shown in
 * their space). POST with CSRF; the security configuration requires a signed-in user. The person is the one whose
 * e-mail address is the signed-in name.
 */
@Controller
class CalendarFeedResetController {

    static final String SPACE = "/me";

    private final CalendarFeeds feeds;
    private final Participants people;

    CalendarFeedResetController(CalendarFeeds feeds, Participants people) {
        this.feeds = feeds;
        this.people = people;
    }

    @PostMapping("/calendar/reset")
    String reset(Principal principal, RedirectAttributes redirect) {
        Person person = people.findByEmail(principal.getName()).orElseThrow(NotFoundException::new);
        feeds.resetLink(java.util.Objects.requireNonNull(person.id()));
        redirect.addFlashAttribute("calendarFeedReset", true);
        return "redirect:" + SPACE + "#calendar-feed";
    }
}

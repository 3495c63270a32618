package org.parcours.registration.calendar;

import org.parcours.account.PersonErasing;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When a person's account is erased, their personal feed link goes with it. */
@Component
class CalendarErasure {

    private final CalendarFeedTokens tokens;

    CalendarErasure(CalendarFeedTokens tokens) {
        this.tokens = tokens;
    }

    @EventListener
    void on(PersonErasing erasing) {
        tokens.forget(erasing.personId());
    }
}

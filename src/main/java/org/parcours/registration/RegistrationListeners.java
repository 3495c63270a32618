package org.parcours.registration;

import org.parcours.account.PersonErasing;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.SessionAdded;
import org.parcours.cycle.SessionSeatCapChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What registration does when other features change things. Each listener runs synchronously inside the
 * publisher's transaction, so the change and its consequences for seats are committed together (or not at all).
 *
 * <ul>
 *   <li>a session added to a cycle: everyone registered for the whole cycle is registered for it (oldest cycle
 *       registration first) and gets a confirmation; this is how "sessions added later" are covered;
 *   <li>a seat cap changed: the counter follows (never below the seats already given) and a higher cap promotes
 *       waiting people at once;
 *   <li>a person being erased: their seats are released, with promotions.
 * </ul>
 */
@Component
class RegistrationListeners {

    private final CycleService cycles;
    private final RegistrationService registrations;
    private final SeatEngine engine;

    RegistrationListeners(CycleService cycles, RegistrationService registrations, SeatEngine engine) {
        this.cycles = cycles;
        this.registrations = registrations;
        this.engine = engine;
    }

    @EventListener
    void sessionAdded(SessionAdded event) {
        cycles.session(event.sessionId()).ifPresent(registrations::registerCycleRegistrants);
    }

    @EventListener
    void seatCapChanged(SessionSeatCapChanged event) {
        cycles.session(event.sessionId()).ifPresent(session -> engine.changeCap(session, event.newCap()));
    }

    @EventListener
    void personErasing(PersonErasing event) {
        registrations.releaseAll(event.personId());
    }
}

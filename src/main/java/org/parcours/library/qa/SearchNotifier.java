package org.parcours.library.qa;

import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.parcours.library.search.SearchContentChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells search that a session's questions changed. Called by the services once their transaction has committed
 * (they write through a {@code TransactionTemplate} and call this after it), as the {@link SearchContentChanged}
 * contract asks.
 */
@Component
class SearchNotifier {

    static final String SOURCE = "qa";

    private final ApplicationEventPublisher events;
    private final CycleService cycles;

    SearchNotifier(ApplicationEventPublisher events, CycleService cycles) {
        this.events = events;
        this.cycles = cycles;
    }

    void sessionChanged(long sessionId) {
        cycles.session(sessionId).map(Session::cycleId).ifPresent(this::cycleChanged);
    }

    void cycleChanged(long cycleId) {
        events.publishEvent(new SearchContentChanged(SOURCE, cycleId));
    }
}

package org.parcours.registration.web;

import java.util.List;
import org.parcours.account.Person;
import org.parcours.cycle.SessionStatus;
import org.parcours.registration.RegistrationService;
import org.parcours.registration.RegistrationService.CycleSeats;
import org.parcours.registration.SessionSeat;

/** What "My space" shows: per cycle, each session with its seat, its links and whether it can still be cancelled. */
public record MySpacePage(Person person, List<CycleBlock> cycles) {

    public record CycleBlock(CycleSeats seats, List<Line> lines) {}

    /**
     * @param joinOpen the join links are shown (from shortly before the start to the end)
     * @param cancellable the session has not started
     */
    public record Line(SessionSeat seat, SessionStatus status, boolean joinOpen, boolean cancellable) {}

    static MySpacePage of(Person person, List<CycleSeats> cycles, RegistrationService registrations) {
        List<CycleBlock> blocks = cycles.stream()
                .map(c -> new CycleBlock(
                        c,
                        c.seats().stream()
                                .map(s -> {
                                    SessionStatus status = s.session().statusAt(registrations.now());
                                    return new Line(
                                            s,
                                            status,
                                            registrations.joinOpen(s.session()),
                                            status == SessionStatus.UPCOMING);
                                })
                                .toList()))
                .toList();
        return new MySpacePage(person, blocks);
    }
}

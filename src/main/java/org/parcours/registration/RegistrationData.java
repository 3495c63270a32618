package org.parcours.registration;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parcours.account.PersonalDataContributor;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.springframework.stereotype.Component;

/** The "registrations" part of a person's data export: every registration, cancelled ones included. */
@Component
class RegistrationData implements PersonalDataContributor {

    private final RegistrationStore store;
    private final CycleService cycles;

    RegistrationData(RegistrationStore store, CycleService cycles) {
        this.store = store;
        this.cycles = cycles;
    }

    record Export(List<CycleEntry> wholeCycles, List<SessionEntry> sessions) {}

    record CycleEntry(
            @Nullable String cycle,
            boolean wantsConference,
            OffsetDateTime registeredAt,
            @Nullable OffsetDateTime cancelledAt) {}

    record SessionEntry(
            @Nullable String cycle,
            @Nullable String session,
            @Nullable OffsetDateTime startsAt,
            String seat,
            boolean waitlisted,
            String status,
            OffsetDateTime registeredAt,
            @Nullable OffsetDateTime cancelledAt) {}

    @Override
    public String section() {
        return "registrations";
    }

    @Override
    public Object export(long personId) {
        List<CycleEntry> whole = store.cycleRegistrationsOf(personId).stream()
                .map(cr -> new CycleEntry(
                        cycles.cycle(cr.cycleId()).map(c -> c.title()).orElse(null),
                        cr.wantsConference(),
                        cr.createdAt(),
                        cr.cancelledAt()))
                .toList();
        List<SessionEntry> sessions = store.byPerson(personId).stream()
                .map(r -> {
                    Session s = cycles.session(r.sessionId()).orElse(null);
                    String cycle = s == null
                            ? null
                            : cycles.cycle(s.cycleId()).map(c -> c.title()).orElse(null);
                    return new SessionEntry(
                            cycle,
                            s == null ? null : s.title(),
                            s == null ? null : s.startsAt(),
                            r.seat().name(),
                            r.waitlisted(),
                            r.status().name(),
                            r.createdAt(),
                            r.cancelledAt());
                })
                .toList();
        return new Export(whole, sessions);
    }
}

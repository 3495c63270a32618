package org.parcours.registration;

import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Session;

/**
 * A session with one person's registration for it, as pages, e-mails and calendar files need it.
 *
 * @param waitlistPosition 1 for the first person on the conference waitlist; 0 when not waitlisted or not computed
 */
public record SessionSeat(Session session, Registration registration, int waitlistPosition) {

    public SeatState state() {
        return SeatState.of(registration);
    }

    public boolean seated() {
        return registration.seated();
    }

    /** The conference link, for seated people only. */
    public @Nullable String conferenceUrl() {
        return seated() ? session.conferenceUrl() : null;
    }

    /** The link this person joins with: the conference for seated people, the livestream for everyone else. */
    public @Nullable String joinUrl() {
        String conference = conferenceUrl();
        return conference != null ? conference : session.livestreamUrl();
    }
}

package org.parcours.registration;

/** What a registration gives, as shown to people: derived from {@link Registration}'s seat and waitlist flag. */
public enum SeatState {
    CONFERENCE,
    STREAM,
    WAITLISTED,
    CANCELLED;

    static SeatState of(Registration registration) {
        if (!registration.active()) {
            return CANCELLED;
        }
        if (registration.seat() == Seat.CONFERENCE) {
            return CONFERENCE;
        }
        return registration.waitlisted() ? WAITLISTED : STREAM;
    }
}

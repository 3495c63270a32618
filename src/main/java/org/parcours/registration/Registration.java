package org.parcours.registration;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One person's registration for one session, as stored.
 *
 * @param waitlisted on a stream seat and waiting for a conference seat, promoted in {@code waitlistedAt} order
 * @param cycleRegistrationId set when the registration comes from a registration for the whole cycle
 * @param activation bumped each time a cancelled registration is taken up again
 * @param revision bumped on every change of seat or status
 */
public record Registration(
        long id,
        long sessionId,
        long personId,
        Seat seat,
        boolean waitlisted,
        @Nullable OffsetDateTime waitlistedAt,
        RegistrationStatus status,
        @Nullable Long cycleRegistrationId,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Nullable OffsetDateTime cancelledAt,
        int activation,
        int revision) {

    public boolean active() {
        return status == RegistrationStatus.ACTIVE;
    }

    /** Holds one of the capped conference seats. */
    public boolean seated() {
        return active() && seat == Seat.CONFERENCE;
    }
}

package org.parcours.live;

import java.util.Optional;

/**
 * Tells the live room which seat a person holds, so only conference-seated people get the "join the video
 * conference" button (the conference URL is never sent to anyone else) and presence can be counted per seat.
 * Provided by the registration feature; until a bean exists, {@link LiveSeats} answers "no seat" for everyone.
 */
public interface SeatLookup {

    Optional<SeatKind> seatOf(long sessionId, long personId);
}

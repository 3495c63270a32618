package org.parcours.live;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The {@link SeatLookup} of the registration feature when there is one; otherwise nobody holds a seat. */
@Component
public class LiveSeats {

    private final ObjectProvider<SeatLookup> lookup;

    LiveSeats(ObjectProvider<SeatLookup> lookup) {
        this.lookup = lookup;
    }

    public Optional<SeatKind> seatOf(long sessionId, long personId) {
        SeatLookup seats = lookup.getIfUnique();
        return seats == null ? Optional.empty() : seats.seatOf(sessionId, personId);
    }
}

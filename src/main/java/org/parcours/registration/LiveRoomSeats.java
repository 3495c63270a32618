package org.parcours.registration;

import java.util.Optional;
import org.parcours.live.SeatKind;
import org.parcours.live.SeatLookup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the live room who holds which seat: only people seated in the conference see its join button there; a
 * waitlisted person holds a stream seat until promoted; cancelled registrations hold nothing.
 */
@Component
class LiveRoomSeats implements SeatLookup {

    private final JdbcClient jdbc;

    LiveRoomSeats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<SeatKind> seatOf(long sessionId, long personId) {
        return jdbc.sql("""
                        select seat from registration
                        where session_id = :session and person_id = :person and status = 'ACTIVE'""")
                .param("session", sessionId)
                .param("person", personId)
                .query(String.class)
                .optional()
                .map(seat -> Seat.CONFERENCE.name().equals(seat) ? SeatKind.CONFERENCE : SeatKind.STREAM);
    }
}

package org.parcours.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parcours.account.Participants;
import org.parcours.account.Person;
import org.parcours.live.SeatKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The live room learns seats from registration: conference for the seated, stream for the others, none if not registered. */
@SpringBootTest
class LiveRoomSeatsIT {

    @Autowired
    LiveRoomSeats seats;

    @Autowired
    Participants participants;

    @Autowired
    JdbcClient jdbc;

    @Test
    void answersTheSeatOfActiveRegistrationsOnly() {
        long sessionId =
                jdbc.sql("select min(id) from cycle_session").query(Long.class).single();
        Person seated =
                participants.findOrCreate("Seated", "seat-" + UUID.randomUUID() + "@example.org", Locale.FRENCH);
        Person stream =
                participants.findOrCreate("Stream", "stream-" + UUID.randomUUID() + "@example.org", Locale.FRENCH);
        Person gone = participants.findOrCreate("Gone", "gone-" + UUID.randomUUID() + "@example.org", Locale.FRENCH);
        insert(sessionId, seated.id(), "CONFERENCE", "ACTIVE");
        insert(sessionId, stream.id(), "STREAM", "ACTIVE");
        insert(sessionId, gone.id(), "CONFERENCE", "CANCELLED");

        assertThat(seats.seatOf(sessionId, seated.id())).contains(SeatKind.CONFERENCE);
        assertThat(seats.seatOf(sessionId, stream.id())).contains(SeatKind.STREAM);
        assertThat(seats.seatOf(sessionId, gone.id())).isEmpty();
        assertThat(seats.seatOf(sessionId, -1)).isEmpty();
    }

    private void insert(long sessionId, long personId, String seat, String status) {
        jdbc.sql("""
                        insert into registration (session_id, person_id, seat, waitlisted, status, created_at, updated_at)
                        values (:session, :person, :seat, false, :status, current_timestamp, current_timestamp)""")
                .param("session", sessionId)
                .param("person", personId)
                .param("seat", seat)
                .param("status", status)
                .update();
    }
}

package org.parcours.live.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import org.parcours.account.Person;
import org.parcours.live.LivePresence;
import org.parcours.live.LiveSeats;
import org.parcours.live.Participant;
import org.parcours.live.RoomService;
import org.parcours.live.SeatKind;
import org.springframework.stereotype.Component;

/**
 * What the stream servlet needs to know about a request: whether the room exists (cached briefly: thousands of
 * browsers reconnect at once after a restart), whether the viewer moderates, and who they are for presence.
 */
@Component
class LiveStreamAccess {

    private final RoomService rooms;
    private final LiveIdentity identity;
    private final LiveSeats seats;
    private final LivePresence presence;
    private final Cache<Long, Boolean> publicRooms = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(30))
            .build();

    LiveStreamAccess(RoomService rooms, LiveIdentity identity, LiveSeats seats, LivePresence presence) {
        this.rooms = rooms;
        this.identity = identity;
        this.seats = seats;
        this.presence = presence;
    }

    boolean roomExists(long sessionId) {
        return publicRooms.get(sessionId, id -> rooms.publicSession(id).isPresent());
    }

    boolean moderator() {
        return LiveIdentity.organiser();
    }

    StreamClient.Presence presence(long sessionId, HttpServletRequest request) {
        Optional<Person> person = identity.person();
        if (person.isEmpty() && LiveIdentity.guestKey(request) == null) {
            return new StreamClient.Presence(null, StreamClient.Presence.Kind.ANONYMOUS);
        }
        Optional<Participant> participant = identity.existingParticipant(sessionId, request);
        boolean conference = person.flatMap(p -> seats.seatOf(sessionId, p.id()))
                .map(seat -> seat == SeatKind.CONFERENCE)
                .orElse(false);
        return new StreamClient.Presence(
                participant.map(Participant::id).orElse(null),
                conference ? StreamClient.Presence.Kind.CONFERENCE : StreamClient.Presence.Kind.STREAM);
    }

    /** Records the participant's arrival for attendance (their departure is recorded when the stream ends). */
    void joined(long sessionId, StreamClient client) {
        Long participantId = client.presence.participantId();
        if (participantId == null || client.closed()) {
            return;
        }
        SeatKind seat = client.presence.kind() == StreamClient.Presence.Kind.CONFERENCE ? SeatKind.CONFERENCE : null;
        long stay = presence.joined(sessionId, participantId, seat);
        // the departure is written off the writer threads, which must never wait for the database
        client.onClose(closed -> Thread.ofVirtual().start(() -> presence.left(stay)));
    }
}

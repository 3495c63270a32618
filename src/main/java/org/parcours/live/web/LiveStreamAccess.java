package org.parcours.live.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
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
        if (moderator()) {
            return new StreamClient.Presence(null, StreamClient.Presence.Kind.TEAM, null, null);
        }
        Optional<Person> person = identity.person();
        Optional<Participant> participant = person.isEmpty() && LiveIdentity.guestKey(request) == null
                ? Optional.empty()
                : identity.existingParticipant(sessionId, request);
        SeatKind seat = person.flatMap(p -> seats.seatOf(sessionId, p.id())).orElse(null);
        HttpSession http = request.getSession(false);
        return new StreamClient.Presence(
                participant.map(Participant::id).orElse(null),
                seat == SeatKind.CONFERENCE ? StreamClient.Presence.Kind.CONFERENCE : StreamClient.Presence.Kind.STREAM,
                http == null ? null : http.getId(),
                seat);
    }

    /**
     * Records the participant's arrival for attendance; the end of the stream is told to {@link LivePresence}, which
     * records the departure unless they come back (another tab, a reconnection) within the grace period.
     */
    void joined(long sessionId, StreamClient client) {
        Long participantId = client.presence.participantId();
        if (participantId == null || client.closed()) {
            return;
        }
        LivePresence.Stay stay = presence.joined(sessionId, participantId, client.presence.seat());
        // in memory only: safe on the writer threads, which must never wait for the database
        client.onClose(closed -> presence.left(stay));
    }
}

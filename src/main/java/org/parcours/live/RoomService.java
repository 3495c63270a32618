package org.parcours.live;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.AgendaSegment;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.parcours.web.RateLimiter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The room of a session: its settings, whether it is open, its current agenda segment, and the checks every
 * posting action goes through (room open, participant not banned, rate limit). Organisers change settings and the
 * current segment; both are broadcast.
 */
@Service
@Transactional
public class RoomService {

    private final LiveRooms rooms;
    private final LiveEvents events;
    private final CycleService cycles;
    private final RateLimiter limits;
    private final Clock clock;

    RoomService(LiveRooms rooms, LiveEvents events, CycleService cycles, RateLimiter limits, Clock clock) {
        this.rooms = rooms;
        this.events = events;
        this.cycles = cycles;
        this.limits = limits;
        this.clock = clock;
    }

    /** The session of a room; only sessions of published cycles have a public room. */
    @Transactional(readOnly = true)
    public Optional<Session> publicSession(long sessionId) {
        return cycles.session(sessionId)
                .filter(s -> cycles.cycle(s.cycleId()).map(c -> c.published()).orElse(false));
    }

    public LiveRoom room(long sessionId) {
        return rooms.ensure(sessionId);
    }

    public boolean isOpen(LiveRoom room, Session session) {
        return room.isOpen(session, clock.instant());
    }

    /**
     * Checks that {@code participant} may post in their room now and takes one action of {@code family} from
     * their rate limit; throws the refusal otherwise.
     */
    LiveRoom checkPosting(Participant participant, String family) {
        Session session =
                cycles.session(participant.sessionId()).orElseThrow(() -> new LiveRefusedException(Refusal.NOT_FOUND));
        LiveRoom room = rooms.ensure(participant.sessionId());
        if (!room.isOpen(session, clock.instant())) {
            throw new LiveRefusedException(Refusal.ROOM_CLOSED);
        }
        if (participant.banned()) {
            throw new LiveRefusedException(Refusal.BANNED);
        }
        if (!limits.allow(family, "live-participant:" + participant.id())) {
            throw new LiveRefusedException(Refusal.RATE_LIMITED);
        }
        return room;
    }

    /** Organisers: the room's settings; broadcast so every open page reloads with them. */
    public LiveRoom saveSettings(long sessionId, RoomSettings settings) {
        rooms.saveSettings(
                sessionId,
                settings.opening(),
                settings.opensMinutesBefore(),
                settings.closesMinutesAfter(),
                settings.guestsAllowed(),
                settings.premoderation(),
                settings.chatSlowSeconds());
        events.append(sessionId, LiveEvent.ROOM, settings);
        return rooms.ensure(sessionId);
    }

    /** Organisers: marks agenda segment {@code index} as current (null: none), starting its timer now. */
    public AgendaState setSegment(long sessionId, @Nullable Integer index) {
        Session session = cycles.session(sessionId).orElseThrow(() -> new LiveRefusedException(Refusal.NOT_FOUND));
        List<AgendaSegment> agenda = session.agenda();
        if (index != null && (index < 0 || index >= agenda.size())) {
            throw new LiveRefusedException(Refusal.BAD_CHOICE);
        }
        OffsetDateTime started = index == null ? null : OffsetDateTime.now(clock);
        rooms.setSegment(sessionId, index, started);
        AgendaState state = new AgendaState(
                index, started == null ? null : started.toInstant().toEpochMilli());
        events.append(sessionId, LiveEvent.AGENDA, state);
        return state;
    }

    /** The room settings an organiser may change. */
    public record RoomSettings(
            LiveRoom.Opening opening,
            int opensMinutesBefore,
            int closesMinutesAfter,
            boolean guestsAllowed,
            boolean premoderation,
            int chatSlowSeconds) {}
}

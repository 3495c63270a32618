package org.parcours.live.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.parcours.account.Person;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.parcours.live.AgendaState;
import org.parcours.live.ChatService;
import org.parcours.live.LiveEvents;
import org.parcours.live.LiveRoom;
import org.parcours.live.LiveSeats;
import org.parcours.live.LiveSettings;
import org.parcours.live.Participant;
import org.parcours.live.PollService;
import org.parcours.live.PollView;
import org.parcours.live.QuestionService;
import org.parcours.live.RoomService;
import org.parcours.live.SeatKind;
import org.parcours.live.TakeawayService;
import org.parcours.media.MediaService;
import org.parcours.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Builds the live page of a session for the current viewer. */
@Component
class LivePages {

    private final CycleService cycles;
    private final RoomService rooms;
    private final QuestionService questions;
    private final LiveEvents events;
    private final LiveIdentity identity;
    private final LiveSeats seats;
    private final MessageSource messages;
    private final ChatService chat;
    private final LiveHubs hubs;
    private final PollService polls;
    private final TakeawayService takeaways;
    private final MediaService media;
    private final LiveSettings settings;

    LivePages(
            CycleService cycles,
            RoomService rooms,
            QuestionService questions,
            LiveEvents events,
            LiveIdentity identity,
            LiveSeats seats,
            MessageSource messages,
            ChatService chat,
            LiveHubs hubs,
            PollService polls,
            TakeawayService takeaways,
            MediaService media,
            LiveSettings settings) {
        this.cycles = cycles;
        this.rooms = rooms;
        this.questions = questions;
        this.events = events;
        this.identity = identity;
        this.seats = seats;
        this.messages = messages;
        this.chat = chat;
        this.hubs = hubs;
        this.polls = polls;
        this.takeaways = takeaways;
        this.media = media;
        this.settings = settings;
    }

    /** The session of a public room, or 404. */
    Session session(long sessionId) {
        return rooms.publicSession(sessionId).orElseThrow(NotFoundException::new);
    }

    Cycle cycleOf(Session session) {
        return cycles.cycle(session.cycleId()).orElseThrow(NotFoundException::new);
    }

    String url(long sessionId) {
        Session session = session(sessionId);
        return LivePage.url(cycleOf(session), session);
    }

    LivePage page(Cycle cycle, Session session, HttpServletRequest request, String sort, @Nullable String error) {
        long sessionId = session.id();
        long lastSeq = events.lastSeq(sessionId);
        LiveRoom room = rooms.room(sessionId);
        boolean moderator = LiveIdentity.organiser();
        Optional<Person> person = identity.person();
        Participant participant = identity.participant(sessionId, request).orElse(null);
        boolean byVotes = !"time".equals(sort);
        Set<Long> myVotes = participant == null ? Set.of() : questions.votedBy(participant.id());
        List<PollView> polls = this.polls.list(sessionId, moderator);
        Map<Long, Set<Long>> choices = new HashMap<>();
        if (participant != null) {
            for (PollView poll : polls) {
                choices.put(poll.id(), this.polls.chosenBy(participant.id(), poll.id()));
            }
        }
        String conference = person.flatMap(p -> seats.seatOf(sessionId, p.id()))
                        .filter(seat -> seat == SeatKind.CONFERENCE)
                        .isPresent()
                ? session.conferenceUrl()
                : null;
        return new LivePage(
                cycle,
                session,
                room,
                rooms.isOpen(room, session),
                room.opensAt(session).atZone(session.zone()),
                lastSeq,
                participant,
                person.isPresent(),
                moderator,
                conference,
                LiveStream.of(session.livestreamUrl(), media, settings.hlsHosts()),
                LivePage.sorted(questions.list(sessionId, moderator), byVotes),
                chat.latest(sessionId, moderator),
                new AgendaState(
                        room.currentSegment(),
                        room.segmentStartedAt() == null
                                ? null
                                : room.segmentStartedAt().toInstant().toEpochMilli()),
                cycles.recapBefore(session),
                moderator ? hubs.total(sessionId) : null,
                polls,
                choices,
                takeaways.wall(sessionId, moderator),
                participant == null ? List.of() : takeaways.ofParticipant(participant.id()),
                myVotes,
                byVotes ? "votes" : "time",
                error,
                new LiveText(messages, LocaleContextHolder.getLocale()));
    }
}

package org.parcours.live.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Session;
import org.parcours.live.ChatService;
import org.parcours.live.LiveJson;
import org.parcours.live.LiveParticipants;
import org.parcours.live.LiveRefusedException;
import org.parcours.live.LiveRoom;
import org.parcours.live.Participant;
import org.parcours.live.QuestionService;
import org.parcours.live.Refusal;
import org.parcours.live.RoomService;
import org.parcours.live.VoteCount;
import org.parcours.web.RateLimiter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What participants do in a room: join as a guest (when the room allows it), ask, vote, chat. Open to everyone at the
 * HTTP level (CSRF-protected like every POST); the services decide who may post: a signed-in person, or a guest
 * who joined with a nickname, not banned, in an open room, within the rate limits.
 */
@Controller
class LiveActionController {

    private final LivePages pages;
    private final LiveResponses responses;
    private final LiveIdentity identity;
    private final LiveParticipants participants;
    private final RoomService rooms;
    private final QuestionService questions;
    private final RateLimiter limits;
    private final ChatService chat;

    LiveActionController(
            LivePages pages,
            LiveResponses responses,
            LiveIdentity identity,
            LiveParticipants participants,
            RoomService rooms,
            QuestionService questions,
            RateLimiter limits,
            ChatService chat) {
        this.pages = pages;
        this.responses = responses;
        this.identity = identity;
        this.participants = participants;
        this.rooms = rooms;
        this.questions = questions;
        this.limits = limits;
        this.chat = chat;
    }

    @PostMapping("/live/{sessionId}/join")
    @Nullable
    String join(
            @PathVariable long sessionId,
            @RequestParam(defaultValue = "") String nickname,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale)
            throws IOException {
        Session session = pages.session(sessionId);
        return responses.perform(session, request, response, model, locale, () -> {
            LiveRoom room = rooms.room(sessionId);
            if (!room.guestsAllowed() || identity.person().isPresent()) {
                throw new LiveRefusedException(Refusal.SIGN_IN);
            }
            if (!rooms.isOpen(room, session)) {
                throw new LiveRefusedException(Refusal.ROOM_CLOSED);
            }
            if (!limits.allow("live-join", "ip:" + request.getRemoteAddr())) {
                throw new LiveRefusedException(Refusal.RATE_LIMITED);
            }
            String key = LiveIdentity.guestKey(request);
            if (key == null) {
                key = UUID.randomUUID().toString();
            }
            participants.joinAsGuest(sessionId, key, nickname);
            request.getSession().setAttribute(LiveIdentity.GUEST_KEY, key);
            return null;
        });
    }

    @PostMapping("/live/{sessionId}/questions")
    @Nullable
    String ask(
            @PathVariable long sessionId,
            @RequestParam(defaultValue = "") String text,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale)
            throws IOException {
        Session session = pages.session(sessionId);
        return responses.perform(session, request, response, model, locale, () -> {
            questions.ask(participant(sessionId, request), text);
            return null;
        });
    }

    @PostMapping("/live/{sessionId}/questions/{questionId}/vote")
    @Nullable
    String vote(
            @PathVariable long sessionId,
            @PathVariable long questionId,
            @RequestParam(defaultValue = "true") boolean on,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale)
            throws IOException {
        Session session = pages.session(sessionId);
        return responses.perform(session, request, response, model, locale, () -> {
            VoteCount count = questions.vote(participant(sessionId, request), questionId, on);
            return LiveJson.write(new VoteAnswer(count, on));
        });
    }

    @PostMapping("/live/{sessionId}/chat")
    @Nullable
    String chat(
            @PathVariable long sessionId,
            @RequestParam(defaultValue = "") String text,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale)
            throws IOException {
        Session session = pages.session(sessionId);
        return responses.perform(session, request, response, model, locale, () -> {
            chat.post(participant(sessionId, request), text);
            return null;
        });
    }

    /** What the page's script learns after a vote. */
    record VoteAnswer(long questionId, int votes, boolean voted) {
        VoteAnswer(VoteCount count, boolean voted) {
            this(count.questionId(), count.votes(), voted);
        }
    }

    private Participant participant(long sessionId, HttpServletRequest request) {
        return identity.participant(sessionId, request).orElseThrow(() -> new LiveRefusedException(Refusal.SIGN_IN));
    }
}

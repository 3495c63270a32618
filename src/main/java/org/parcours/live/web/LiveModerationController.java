package org.parcours.live.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Session;
import org.parcours.live.ChatService;
import org.parcours.live.LiveParticipants;
import org.parcours.live.LiveRefusedException;
import org.parcours.live.QuestionService;
import org.parcours.live.QuestionStatus;
import org.parcours.live.Refusal;
import org.parcours.live.RoomService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Organisers moderate a room from its live page: approve, hide, show again, mark answered, pin, merge duplicates,
 * hide chat messages, ban a participant from posting, set the current agenda segment. Organisers only: {@code /admin/**} requires the role, and {@code @PreAuthorize}
 * repeats it here.
 */
@Controller
@PreAuthorize("hasRole('ORGANISER')")
class LiveModerationController {

    private final LivePages pages;
    private final LiveResponses responses;
    private final QuestionService questions;
    private final LiveParticipants participants;
    private final ChatService chat;
    private final RoomService rooms;

    LiveModerationController(
            LivePages pages,
            LiveResponses responses,
            QuestionService questions,
            LiveParticipants participants,
            ChatService chat,
            RoomService rooms) {
        this.pages = pages;
        this.responses = responses;
        this.questions = questions;
        this.participants = participants;
        this.chat = chat;
        this.rooms = rooms;
    }

    @PostMapping("/admin/live/{sessionId}/questions/{questionId}/{action}")
    @Nullable
    String question(
            @PathVariable long sessionId,
            @PathVariable long questionId,
            @PathVariable String action,
            @RequestParam(required = false) @Nullable Long into,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale)
            throws IOException {
        Session session = pages.session(sessionId);
        return responses.perform(session, request, response, model, locale, () -> {
            switch (action) {
                case "approve", "show" -> questions.moderate(sessionId, questionId, QuestionStatus.VISIBLE);
                case "hide" -> questions.moderate(sessionId, questionId, QuestionStatus.HIDDEN);
                case "answered" -> questions.moderate(sessionId, questionId, QuestionStatus.ANSWERED);
                case "pin" -> questions.pin(sessionId, questionId, true);
                case "unpin" -> questions.pin(sessionId, questionId, false);
                case "merge" -> {
                    if (into == null) {
                        throw new LiveRefusedException(Refusal.BAD_CHOICE);
                    }
                    questions.merge(sessionId, questionId, into);
                }
                default -> throw new LiveRefusedException(Refusal.NOT_FOUND);
            }
            return null;
        });
    }

    @PostMapping("/admin/live/{sessionId}/chat/{messageId}/{action}")
    @Nullable
    String chat(
            @PathVariable long sessionId,
            @PathVariable long messageId,
            @PathVariable String action,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale)
            throws IOException {
        Session session = pages.session(sessionId);
        return responses.perform(session, request, response, model, locale, () -> {
            switch (action) {
                case "hide" -> chat.setHidden(sessionId, messageId, true);
                case "show" -> chat.setHidden(sessionId, messageId, false);
                default -> throw new LiveRefusedException(Refusal.NOT_FOUND);
            }
            return null;
        });
    }

    /** Marks an agenda segment as current (an empty value: none) and starts its timer. */
    @PostMapping("/admin/live/{sessionId}/agenda")
    @Nullable
    String agenda(
            @PathVariable long sessionId,
            @RequestParam(required = false) @Nullable Integer segment,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale)
            throws IOException {
        Session session = pages.session(sessionId);
        return responses.perform(session, request, response, model, locale, () -> {
            rooms.setSegment(sessionId, segment);
            return null;
        });
    }

    @PostMapping("/admin/live/{sessionId}/participants/{participantId}/ban")
    @Nullable
    String ban(
            @PathVariable long sessionId,
            @PathVariable long participantId,
            @RequestParam(defaultValue = "true") boolean banned,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale)
            throws IOException {
        Session session = pages.session(sessionId);
        return responses.perform(session, request, response, model, locale, () -> {
            if (!participants.setBanned(sessionId, participantId, banned)) {
                throw new LiveRefusedException(Refusal.NOT_FOUND);
            }
            return null;
        });
    }
}

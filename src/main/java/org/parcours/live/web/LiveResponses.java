package org.parcours.live.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Session;
import org.parcours.live.LiveRefusedException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * How live actions answer. The page's script posts with {@code X-Live-Fetch: 1} and gets 204 (or a small JSON
 * body), or the refusal's status with the reason as plain text in the viewer's language. Without script, a form
 * post is redirected back to the live page (Post/Redirect/Get), or the page is shown again with the reason and
 * the refusal's status.
 */
@Component
class LiveResponses {

    static final String FETCH_HEADER = "X-Live-Fetch";
    static final String PAGE_VIEW = "live/page";

    private final LivePages pages;
    private final MessageSource messages;

    LiveResponses(LivePages pages, MessageSource messages) {
        this.pages = pages;
        this.messages = messages;
    }

    static boolean fetch(HttpServletRequest request) {
        return request.getHeader(FETCH_HEADER) != null;
    }

    @Nullable
    String done(HttpServletRequest request, HttpServletResponse response, Session session, @Nullable String json)
            throws IOException {
        if (fetch(request)) {
            if (json == null) {
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else {
                response.setContentType("application/json");
                response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
            }
            return null;
        }
        return "redirect:" + LivePage.url(pages.cycleOf(session), session);
    }

    /** One room action: its JSON answer for the page's script, or null when a redirect or page will do. */
    @FunctionalInterface
    interface Action {
        @Nullable
        String run();
    }

    /**
     * Runs an action and answers as every live POST does: {@link #done} on success, {@link #refused} with the reason
     * in the visitor's language when the room refuses it.
     */
    @Nullable
    String perform(
            Session session,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale,
            Action action)
            throws IOException {
        try {
            return done(request, response, session, action.run());
        } catch (LiveRefusedException e) {
            return refused(e, session, request, response, model, locale);
        }
    }

    @Nullable
    String refused(
            LiveRefusedException refusal,
            Session session,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale)
            throws IOException {
        String message = messages.getMessage(
                refusal.refusal().messageKey(),
                refusal.args(),
                refusal.refusal().messageKey(),
                locale);
        response.setStatus(refusal.refusal().status());
        if (fetch(request)) {
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
            return null;
        }
        model.addAttribute("page", pages.page(pages.cycleOf(session), session, request, "votes", message));
        return PAGE_VIEW;
    }
}

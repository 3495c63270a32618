package org.parcours.media.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.parcours.media.Chapter;
import org.parcours.media.MediaRejected;
import org.parcours.media.MediaService;
import org.parcours.media.SessionMedia;
import org.parcours.media.TrackProblem;
import org.parcours.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Builds the organiser's media page of a session, with or without the problems of a refused submission. */
@Component
class MediaAdminPages {

    static final String VIEW = "media/admin";

    private final CycleService cycles;
    private final MediaService media;
    private final MessageSource messages;

    MediaAdminPages(CycleService cycles, MediaService media, MessageSource messages) {
        this.cycles = cycles;
        this.media = media;
        this.messages = messages;
    }

    Session session(long sessionId) {
        return cycles.session(sessionId).orElseThrow(NotFoundException::new);
    }

    /** The page as it is now. */
    String show(long sessionId, Model model, HttpServletRequest request, Locale locale) {
        return render(sessionId, model, request, locale, List.of(), "", "", null);
    }

    /** The page again with one problem, answered with {@code status} (422 by default, 413 for too large). */
    String refused(
            long sessionId,
            String problem,
            int status,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            String externalUrl,
            String language,
            @Nullable List<MediaEditPage.ChapterRow> chapters) {
        response.setStatus(status);
        return render(sessionId, model, request, locale, List.of(problem), externalUrl, language, chapters);
    }

    String message(MediaRejected e, Locale locale) {
        Object[] args = e.messageArgs();
        if ("media.upload.tooLarge".equals(e.messageKey()) && args.length == 1 && args[0] instanceof Long bytes) {
            args = new Object[] {SessionMedia.size(bytes, locale)};
        }
        return messages.getMessage(e.messageKey(), args, locale);
    }

    String message(TrackProblem e, Locale locale) {
        String problem = messages.getMessage(e.messageKey(), e.messageArgs(), locale);
        return e.line() > 0
                ? messages.getMessage("media.track.problem.line", new Object[] {e.line(), problem}, locale)
                : problem;
    }

    String maxSize(Locale locale) {
        return SessionMedia.size(media.settings().maxSize().toBytes(), locale);
    }

    String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private String render(
            long sessionId,
            Model model,
            HttpServletRequest request,
            Locale locale,
            List<String> problems,
            String externalUrl,
            String language,
            @Nullable List<MediaEditPage.ChapterRow> chapters) {
        Session session = session(sessionId);
        Cycle cycle = cycles.cycle(session.cycleId()).orElseThrow(NotFoundException::new);
        SessionMedia current = media.sessionMedia(sessionId);
        List<MediaEditPage.ChapterRow> rows = chapters != null ? chapters : rows(current.chapters());
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String csrfQuery = token == null
                ? ""
                : "?" + token.getParameterName() + "=" + URLEncoder.encode(token.getToken(), StandardCharsets.UTF_8);
        String external = !externalUrl.isEmpty() || current.external() == null
                ? externalUrl
                : current.external().url();
        model.addAttribute(
                "page",
                new MediaEditPage(
                        cycle,
                        session,
                        current,
                        problems,
                        external,
                        language.isEmpty() ? cycle.language() : language,
                        rows,
                        SessionMedia.size(media.settings().maxSize().toBytes(), locale),
                        SessionMedia.size(media.settings().maxTrackSize().toBytes(), locale),
                        csrfQuery));
        return VIEW;
    }

    private static List<MediaEditPage.ChapterRow> rows(List<Chapter> chapters) {
        List<MediaEditPage.ChapterRow> rows = new ArrayList<>();
        for (Chapter c : chapters) {
            rows.add(new MediaEditPage.ChapterRow(c.title(), c.clock() + fraction(c.startMs())));
        }
        return rows;
    }

    private static String fraction(long ms) {
        return ms % 1000 == 0
                ? ""
                : String.format(Locale.ROOT, ".%03d", ms % 1000).replaceAll("0+$", "");
    }
}

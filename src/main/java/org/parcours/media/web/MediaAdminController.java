package org.parcours.media.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.parcours.cycle.Session;
import org.parcours.media.Chapter;
import org.parcours.media.MediaChapters;
import org.parcours.media.MediaKind;
import org.parcours.media.MediaRejected;
import org.parcours.media.MediaUploads;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organiser's media page of a session (organisers only): an external replay link, chapters generated from the
 * agenda or edited, and removals. Uploads are in {@link MediaUploadController}. Refusals re-render the page with
 * HTTP 422.
 */
@Controller
@RequestMapping("/admin/sessions/{id}/media")
@PreAuthorize("hasRole('ORGANISER')")
class MediaAdminController {

    private final MediaUploads uploads;
    private final MediaChapters mediaChapters;
    private final MediaAdminPages pages;

    MediaAdminController(MediaUploads uploads, MediaChapters mediaChapters, MediaAdminPages pages) {
        this.uploads = uploads;
        this.mediaChapters = mediaChapters;
        this.pages = pages;
    }

    @GetMapping
    String page(@PathVariable long id, Model model, HttpServletRequest request, Locale locale) {
        return pages.show(id, model, request, locale);
    }

    @PostMapping("/external")
    String external(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String url,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Locale locale) {
        pages.session(id);
        try {
            uploads.setExternalVideo(id, url);
        } catch (MediaRejected e) {
            return pages.refused(id, pages.message(e, locale), 422, model, request, response, locale, url, "", null);
        }
        return done(id, "media.external.saved", redirect, locale);
    }

    @PostMapping("/chapters/agenda")
    String chaptersFromAgenda(
            @PathVariable long id,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Locale locale)
            throws IOException {
        Session session = pages.session(id);
        try {
            mediaChapters.chaptersFromAgenda(id, session.agenda());
        } catch (MediaRejected e) {
            return pages.refused(id, pages.message(e, locale), 422, model, request, response, locale, "", "", null);
        }
        return done(id, "media.chapters.saved", redirect, locale);
    }

    /** The chapters table: rows with neither title nor start are dropped; starts read as h:mm:ss or mm:ss. */
    @PostMapping("/chapters")
    String chapters(
            @PathVariable long id,
            @RequestParam(name = "title", defaultValue = "") List<String> titles,
            @RequestParam(name = "start", defaultValue = "") List<String> starts,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Locale locale)
            throws IOException {
        pages.session(id);
        List<MediaEditPage.ChapterRow> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(titles.size(), starts.size()); i++) {
            String title = i < titles.size() ? titles.get(i).strip() : "";
            String start = i < starts.size() ? starts.get(i).strip() : "";
            if (!title.isEmpty() || !start.isEmpty()) {
                rows.add(new MediaEditPage.ChapterRow(title, start));
            }
        }
        List<Chapter> chapters = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Optional<Long> start = MediaChapters.parseClock(rows.get(i).start());
            if (start.isEmpty()) {
                return pages.refused(
                        id,
                        pages.message("media.chapters.start", locale, i + 1),
                        HttpStatus.UNPROCESSABLE_CONTENT.value(),
                        model,
                        request,
                        response,
                        locale,
                        "",
                        "",
                        rows);
            }
            chapters.add(
                    new Chapter(start.get(), start.get() + 1000, rows.get(i).title()));
        }
        try {
            mediaChapters.saveChapters(id, chapters);
        } catch (MediaRejected e) {
            return pages.refused(id, pages.message(e, locale), 422, model, request, response, locale, "", "", rows);
        }
        return done(id, "media.chapters.saved", redirect, locale);
    }

    @PostMapping("/remove")
    String remove(
            @PathVariable long id,
            @RequestParam String kind,
            @RequestParam(defaultValue = "") String language,
            RedirectAttributes redirect,
            Locale locale) {
        pages.session(id);
        MediaKind what = switch (kind) {
            case "video" -> MediaKind.VIDEO;
            case "slides" -> MediaKind.SLIDES;
            case "subtitles" -> MediaKind.SUBTITLES;
            case "chapters" -> MediaKind.CHAPTERS;
            default -> throw new org.parcours.web.NotFoundException();
        };
        uploads.remove(id, what, what == MediaKind.SUBTITLES ? language : "");
        return done(id, "media.removed", redirect, locale);
    }

    private String done(long id, String key, RedirectAttributes redirect, Locale locale) {
        redirect.addFlashAttribute("flash", pages.message(key, locale));
        return "redirect:/admin/sessions/" + id + "/media";
    }
}

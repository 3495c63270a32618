package org.parcours.media.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.parcours.media.MediaChapters;
import org.parcours.media.MediaRejected;
import org.parcours.media.MediaUploads;
import org.parcours.media.TrackProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * File uploads for a session's media (organisers only). A refused file re-renders the media page with the reason:
 * HTTP 413 when it is larger than allowed, 400 when the upload was cut short, 422 otherwise. Nothing is kept of a
 * refused file.
 */
@Controller
@RequestMapping("/admin/sessions/{id}/media")
@PreAuthorize("hasRole('ORGANISER')")
class MediaUploadController {

    private final MediaUploads uploads;
    private final MediaChapters chapters;
    private final MediaAdminPages pages;

    MediaUploadController(MediaUploads uploads, MediaChapters chapters, MediaAdminPages pages) {
        this.uploads = uploads;
        this.chapters = chapters;
        this.pages = pages;
    }

    /** One kind of upload: what to do with the stream, and the flash message key when it worked. */
    @FunctionalInterface
    private interface Attach {
        void attach(InputStream in, String fileName) throws MediaRejected, TrackProblem, IOException;
    }

    @PostMapping("/video")
    String video(
            @PathVariable long id,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Locale locale) {
        return upload(
                id,
                "media.video.saved",
                (in, name) -> uploads.attachVideo(id, in, name),
                model,
                request,
                response,
                redirect,
                locale);
    }

    @PostMapping("/slides")
    String slides(
            @PathVariable long id,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Locale locale) {
        return upload(
                id,
                "media.slides.saved",
                (in, name) -> uploads.attachSlides(id, in, name),
                model,
                request,
                response,
                redirect,
                locale);
    }

    @PostMapping("/subtitles")
    String subtitles(
            @PathVariable long id,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Locale locale) {
        String language = UploadedFile.field(request, "language");
        return upload(
                id,
                "media.subtitles.saved",
                (in, name) -> uploads.attachSubtitles(id, language, in, name),
                model,
                request,
                response,
                redirect,
                locale);
    }

    @PostMapping("/chapters/file")
    String chapters(
            @PathVariable long id,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Locale locale) {
        return upload(
                id,
                "media.chapters.saved",
                (in, name) -> chapters.attachChapters(id, in),
                model,
                request,
                response,
                redirect,
                locale);
    }

    private String upload(
            long id,
            String savedKey,
            Attach attach,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Locale locale) {
        pages.session(id); // 404 before anything else for an unknown session
        String language = UploadedFile.field(request, "language");
        String problem;
        int status = HttpStatus.UNPROCESSABLE_CONTENT.value();
        switch (UploadedFile.from(request, "file")) {
            case UploadedFile.Present(var file) -> {
                try (InputStream in = file.getInputStream()) {
                    attach.attach(in, file.getOriginalFilename());
                    redirect.addFlashAttribute("flash", pages.message(savedKey, locale));
                    return "redirect:/admin/sessions/" + id + "/media";
                } catch (MediaRejected e) {
                    problem = pages.message(e, locale);
                    if ("media.upload.tooLarge".equals(e.messageKey())) {
                        status = HttpStatus.CONTENT_TOO_LARGE.value();
                    }
                } catch (TrackProblem e) {
                    problem = pages.message(e, locale);
                } catch (IOException e) {
                    problem = pages.message("media.upload.broken", locale);
                    status = HttpStatus.BAD_REQUEST.value();
                }
            }
            case UploadedFile.TooLarge t -> {
                problem = pages.message("media.upload.tooLarge", locale, pages.maxSize(locale));
                status = HttpStatus.CONTENT_TOO_LARGE.value();
            }
            case UploadedFile.Broken b -> {
                problem = pages.message("media.upload.broken", locale);
                status = HttpStatus.BAD_REQUEST.value();
            }
            case UploadedFile.Missing m -> problem = pages.message("media.upload.missing", locale);
        }
        return pages.refused(id, problem, status, model, request, response, locale, "", language, null);
    }
}

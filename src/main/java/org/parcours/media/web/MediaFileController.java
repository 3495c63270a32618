package org.parcours.media.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.parcours.media.MediaService;
import org.parcours.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * Public media files: {@code /media/<key>} (add {@code ?download} to save rather than view). Open to everyone for
 * the sessions of published cycles; organisers also reach the files of drafts. Anything else, including a malformed
 * key, is the 404 page.
 */
@Controller
class MediaFileController {

    private final MediaService media;

    MediaFileController(MediaService media) {
        this.media = media;
    }

    @RequestMapping(
            path = "/media/{key}",
            method = {RequestMethod.GET, RequestMethod.HEAD})
    void file(@PathVariable String key, HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean organiser = request.isUserInRole("ORGANISER");
        MediaService.Servable servable = media.servable(key, organiser).orElseThrow(NotFoundException::new);
        FileResponder.send(
                request,
                response,
                servable.file(),
                servable.path(),
                !organiser,
                request.getParameter("download") != null);
    }
}

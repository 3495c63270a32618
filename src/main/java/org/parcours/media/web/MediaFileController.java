package org.parcours.media.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.parcours.media.MediaService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * Public media files: {@code /media/<key>} (add {@code ?download} to save rather than view). Open to everyone for
 * the sessions of published cycles; organisers also reach the files of drafts. Anything else, including a malformed
 * key, is the 404 page.
 *
 * <p>A replay is fetched as hundreds of range requests, so this is a plain {@link HttpRequestHandler} mapped ahead
 * of the annotated controllers: no argument resolution and no model (the page helpers every view needs are not
 * built for a file).
 */
@Configuration(proxyBeanMethods = false)
class MediaFileController {

    static final String PREFIX = "/media/";

    @Bean
    SimpleUrlHandlerMapping mediaFileMapping(MediaService media) {
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of(PREFIX + "*", files(media)));
        mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return mapping;
    }

    private static HttpRequestHandler files(MediaService media) {
        return (request, response) -> file(media, request, response);
    }

    private static void file(MediaService media, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        String key = request.getRequestURI().substring(PREFIX.length());
        boolean organiser = request.isUserInRole("ORGANISER");
        var servable = media.servable(key, organiser);
        if (servable.isEmpty()) {
            // the 404 page (advice exception handlers do not apply to this kind of handler)
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        FileResponder.send(
                request,
                response,
                servable.get().file(),
                servable.get().path(),
                !organiser,
                request.getParameter("download") != null);
    }
}

package org.parcours.media.web;

import java.util.List;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.Session;
import org.parcours.media.SessionMedia;

/**
 * What the organiser's media page shows: the session, its media, the problems of the last submission (already in
 * the organiser's language), the values to put back in the forms, and the query string that carries the CSRF
 * token on upload forms (so the token is read before, and whatever happens to, the multipart body).
 */
public record MediaEditPage(
        Cycle cycle,
        Session session,
        SessionMedia media,
        List<String> problems,
        String externalUrl,
        String language,
        List<ChapterRow> chapters,
        String maxSize,
        String maxTrackSize,
        String csrfQuery) {

    /** One row of the chapters form, as typed. */
    public record ChapterRow(String title, String start) {}

    public String base() {
        return "/admin/sessions/" + session.id() + "/media";
    }

    /** An upload form's action: the route plus the CSRF token. */
    public String uploadAction(String route) {
        return base() + "/" + route + csrfQuery;
    }
}

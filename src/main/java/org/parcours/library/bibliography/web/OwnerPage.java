package org.parcours.library.bibliography.web;

import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.Session;
import org.parcours.library.bibliography.Owner;

/**
 * Whose bibliography an admin page edits: a session ({@code session} set) or the whole cycle. {@code base} is the
 * admin path of that bibliography, {@code publicPath} the public page that shows it.
 */
public record OwnerPage(Cycle cycle, @Nullable Session session, Owner owner) {

    public String base() {
        return session == null
                ? "/admin/cycles/" + cycle.id() + "/references"
                : "/admin/sessions/" + session.id() + "/references";
    }

    /** The admin page of the session or cycle, where the bibliography is linked from. */
    public String parentAdmin() {
        return session == null ? "/admin/cycles/" + cycle.id() : "/admin/sessions/" + session.id();
    }

    public String publicPath() {
        return session == null
                ? "/cycles/" + cycle.slug() + "#bibliography"
                : "/cycles/" + cycle.slug() + "/sessions/" + session.slug() + "#bibliography";
    }

    public String exportBase() {
        return session == null
                ? "/cycles/" + cycle.slug() + "/references"
                : "/cycles/" + cycle.slug() + "/sessions/" + session.slug() + "/references";
    }

    public String title() {
        return session == null ? cycle.title() : session.title();
    }
}

package org.parcours.registration.web;

import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.Session;

/** Whom an organiser's message goes to: the registrants of a session, or (no session) of a whole cycle. */
public record Audience(Cycle cycle, @Nullable Session session) {

    public String action() {
        return session == null
                ? "/admin/cycles/" + cycle.id() + "/message"
                : "/admin/sessions/" + session.id() + "/message";
    }

    public String back() {
        return session == null
                ? "/admin/cycles/" + cycle.id() + "/registrations"
                : "/admin/sessions/" + session.id() + "/registrations";
    }
}

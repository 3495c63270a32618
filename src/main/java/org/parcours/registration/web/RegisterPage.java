package org.parcours.registration.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parcours.account.Person;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.Session;
import org.parcours.registration.RegistrationService.SeatCounts;
import org.parcours.web.FormErrors;

/**
 * The registration form with what it offers: the sessions still to come with their seat counts.
 *
 * @param signedIn the signed-in person, whose name and address are used (the fields are hidden)
 * @param focus the session whose page shows the form, if any: its counts are shown above the form
 * @param notice message key of a problem with the whole submission (e.g. too many attempts)
 */
public record RegisterPage(
        Cycle cycle,
        List<Option> options,
        RegistrationForm form,
        FormErrors errors,
        @Nullable Person signedIn,
        @Nullable Option focus,
        @Nullable String notice) {

    /** A session that can be chosen. */
    public record Option(Session session, SeatCounts counts) {}

    public boolean open() {
        return !options.isEmpty();
    }

    public String action() {
        return "/cycles/" + cycle.slug() + "/register";
    }

    public boolean chosen(Option option) {
        return form.chose(option.session().id());
    }

    public boolean wholeCycle() {
        return form.wholeCycle();
    }
}

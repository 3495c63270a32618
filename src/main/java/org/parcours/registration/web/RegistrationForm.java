package org.parcours.registration.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.parcours.account.EmailAddresses;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;

/**
 * What the registration form sends. Signed-in visitors send no name or address: theirs are used.
 *
 * @param choice {@code cycle} (the whole cycle, sessions added later included) or {@code sessions}
 * @param sessions ids of the chosen sessions when {@code choice} is {@code sessions}
 * @param conference "I'd like a video-conference seat if available"
 * @param consent agrees that the name and address are kept for the registration
 */
public record RegistrationForm(
        @Nullable String name,
        @Nullable String email,
        @Nullable String choice,
        @Nullable List<Long> sessions,
        boolean conference,
        boolean consent) {

    static final int MAX_NAME = 200;

    /** The form and its binding result, read from the raw parameters (so a bad session id is a form error). */
    record Submitted(RegistrationForm form, BindingResult result) {}

    static Submitted from(MultiValueMap<String, String> params) {
        List<Long> ids = new ArrayList<>();
        boolean badId = false;
        for (String value : params.getOrDefault("sessions", List.of())) {
            try {
                ids.add(Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                badId = true;
            }
        }
        RegistrationForm form = new RegistrationForm(
                params.getFirst("name"),
                params.getFirst("email"),
                params.getFirst("choice"),
                List.copyOf(ids),
                isOn(params.getFirst("conference")),
                isOn(params.getFirst("consent")));
        BindingResult result = new DirectFieldBindingResult(form, "registrationForm");
        if (badId) {
            result.rejectValue("sessions", "registration.error.sessions.invalid");
        }
        return new Submitted(form, result);
    }

    private static boolean isOn(@Nullable String value) {
        return value != null && (value.equals("on") || value.equals("true") || value.equals("yes"));
    }

    static RegistrationForm empty(@Nullable Long session) {
        return new RegistrationForm(
                "",
                "",
                session == null ? "cycle" : "sessions",
                session == null ? List.of() : List.of(session),
                false,
                false);
    }

    boolean wholeCycle() {
        return !"sessions".equals(choice);
    }

    Set<Long> chosen() {
        return sessions == null ? Set.of() : new LinkedHashSet<>(sessions);
    }

    boolean chose(@Nullable Long session) {
        return session != null && sessions != null && sessions.contains(session);
    }

    public String nameOrEmpty() {
        return name == null ? "" : name.strip();
    }

    public String emailOrEmpty() {
        return email == null ? "" : email.strip();
    }

    /** Checks the fields a visitor fills in; {@code signedIn} visitors skip name and address. */
    void check(BindingResult result, boolean signedIn) {
        if (!signedIn) {
            if (nameOrEmpty().isEmpty()) {
                result.rejectValue("name", "registration.error.name.blank");
            } else if (nameOrEmpty().length() > MAX_NAME
                    || nameOrEmpty().chars().anyMatch(Character::isISOControl)) {
                result.rejectValue("name", "registration.error.name.invalid");
            }
            if (emailOrEmpty().isEmpty()) {
                result.rejectValue("email", "registration.error.email.blank");
            } else {
                // Same rules as every address form: strict syntax, no disposable-looking domains.
                EmailAddresses.check(emailOrEmpty()).ifPresent(problem -> result.rejectValue("email", problem));
            }
        }
        if (!"cycle".equals(choice) && !"sessions".equals(choice)) {
            result.rejectValue("choice", "registration.error.choice");
        } else if (!wholeCycle() && chosen().isEmpty() && !result.hasFieldErrors("sessions")) {
            result.rejectValue("sessions", "registration.error.sessions.none");
        }
        if (!consent) {
            result.rejectValue("consent", "registration.error.consent");
        }
    }
}

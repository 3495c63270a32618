package org.parcours.registration.web;

import java.util.Optional;
import org.parcours.account.Participants;
import org.parcours.account.Person;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The person behind the current request, if signed in: the principal's user name is their e-mail address.
 *
 * <p>A stand-in until the account feature's {@code CurrentPerson} is available: it is the only place registration
 * asks who is signed in, so switching to it is a one-class change.
 */
@Component
class SignedInPerson {

    private final Participants participants;

    SignedInPerson(Participants participants) {
        this.participants = participants;
    }

    Optional<Person> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return participants.findByEmail(auth.getName());
    }
}

package org.parcours.account;

import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The person signed in on the current request, for any feature's controllers ({@code /me} pages, registration).
 * Resolved from the principal's user name, which is the person's e-mail address for both magic-link and password
 * sign-in. Empty for visitors, and for a session whose account was erased or whose address changed in another
 * session since.
 */
@Component
public class CurrentPerson {

    private final PersonRepository people;

    CurrentPerson(PersonRepository people) {
        this.people = people;
    }

    public Optional<Person> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        String name = auth.getName();
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return people.findActiveByEmail(Person.normaliseEmail(name));
    }
}

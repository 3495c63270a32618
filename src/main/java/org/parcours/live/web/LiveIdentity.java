package org.parcours.live.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parcours.account.CurrentPerson;
import org.parcours.account.Person;
import org.parcours.live.LiveParticipants;
import org.parcours.live.Participant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is asking, in a room: the signed-in person (a participant under their name, created on first use), or a
 * guest recognised by the random key in their HTTP session, or nobody yet.
 */
@Component
class LiveIdentity {

    static final String GUEST_KEY = "parcours.live.guest";

    private final CurrentPerson currentPerson;
    private final LiveParticipants participants;

    LiveIdentity(CurrentPerson currentPerson, LiveParticipants participants) {
        this.currentPerson = currentPerson;
        this.participants = participants;
    }

    Optional<Person> person() {
        return currentPerson.get();
    }

    Optional<Participant> participant(long sessionId, HttpServletRequest request) {
        Optional<Person> person = currentPerson.get();
        if (person.isPresent()) {
            Person p = person.get();
            return Optional.of(participants.forPerson(sessionId, p.id(), p.displayName()));
        }
        String key = guestKey(request);
        return key == null ? Optional.empty() : participants.findForGuest(sessionId, key);
    }

    /** The participant without creating one (for the stream, which must stay cheap). */
    Optional<Participant> existingParticipant(long sessionId, HttpServletRequest request) {
        Optional<Person> person = currentPerson.get();
        if (person.isPresent()) {
            return participants.findForPerson(sessionId, person.get().id());
        }
        String key = guestKey(request);
        return key == null ? Optional.empty() : participants.findForGuest(sessionId, key);
    }

    static @Nullable String guestKey(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(GUEST_KEY);
    }

    static boolean organiser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null
                && auth.isAuthenticated()
                && auth.getAuthorities().stream().anyMatch(a -> "ROLE_ORGANISER".equals(a.getAuthority()));
    }
}

package org.parcours.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a person in or out of this browser without a password (after a magic link), the way form login does: a
 * new session id against fixation, a new CSRF token, the security context kept in the HTTP session. The principal's
 * user name is the person's e-mail address, as for organisers signed in with their password; its authority is
 * the person's role ({@code ROLE_PARTICIPANT} or {@code ROLE_ORGANISER}).
 */
@Component
public class SessionSignIn {

    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

    public void signIn(Person person, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        csrfTokens.saveToken(null, request, response);
        store(person, request, response);
    }

    /** Replaces the signed-in principal in this session, e.g. after the person changed their e-mail address. */
    public void refresh(Person person, HttpServletRequest request, HttpServletResponse response) {
        store(person, request, response);
    }

    /** Ends this browser's session: security context, CSRF token and HTTP session. */
    public void signOut(HttpServletRequest request, HttpServletResponse response) {
        Authentication current = holder.getContext().getAuthentication();
        SecurityContextLogoutHandler logout = new SecurityContextLogoutHandler();
        logout.logout(request, response, current);
        csrfTokens.saveToken(null, request, response);
    }

    static Authentication authentication(Person person) {
        UserDetails user = User.withUsername(person.email())
                .password("")
                .authorities(List.of(new SimpleGrantedAuthority(person.role().authority())))
                .build();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    private void store(Person person, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authentication(person));
        holder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}

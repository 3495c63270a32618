package org.parcours.account;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Password sign-in for organisers only: the form login looks people up by e-mail here. Participants and people
 * without a password are "not found", which the form shows as the same error as a wrong password.
 */
@Service
class OrganiserDetailsService implements UserDetailsService {

    private final PersonRepository people;

    OrganiserDetailsService(PersonRepository people) {
        this.people = people;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return people.findByEmail(Person.normaliseEmail(email))
                .filter(person -> person.role() == Role.ORGANISER && person.passwordHash() != null)
                .map(OrganiserDetailsService::toUserDetails)
                .orElseThrow(() -> new UsernameNotFoundException("no organiser with this e-mail"));
    }

    static UserDetails toUserDetails(Person person) {
        String hash = person.passwordHash();
        if (hash == null || person.role() != Role.ORGANISER) {
            throw new UsernameNotFoundException("not an organiser with a password");
        }
        return User.withUsername(person.email())
                .password(hash)
                .authorities(List.of(new SimpleGrantedAuthority(Role.ORGANISER.authority())))
                .build();
    }
}

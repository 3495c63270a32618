package org.parcours.account;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People who take part: found or created from a name and an e-mail address, never with a password. Other features
 * (registration, the mailing list) call this instead of touching the {@code person} table.
 */
@Service
public class Participants {

    private final PersonRepository people;
    private final JdbcClient jdbc;
    private final Clock clock;

    Participants(PersonRepository people, JdbcClient jdbc, Clock clock) {
        this.people = people;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The person with this address, created as a participant if unknown. Safe under concurrency: two requests for
     * one new address create one person ({@code on conflict do nothing} leaves the transaction usable on
     * PostgreSQL, unlike a caught unique violation). An existing person's name and language are kept.
     */
    @Transactional
    public Person findOrCreate(String displayName, String email, Locale locale) {
        String address = Person.normaliseEmail(email);
        jdbc.sql("""
                        insert into person (email, display_name, role, locale, created_at)
                        values (:email, :name, 'PARTICIPANT', :locale, :now)
                        on conflict do nothing""")
                .param("email", address)
                .param("name", displayName.strip())
                .param("locale", locale.getLanguage())
                .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        return people.findByEmail(address).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Person> find(long id) {
        return people.findById(id);
    }

    @Transactional(readOnly = true)
    public Optional<Person> findByEmail(String email) {
        return people.findByEmail(Person.normaliseEmail(email));
    }
}

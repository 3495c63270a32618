package org.parcours.account;

import java.util.Set;
import org.parcours.account.FirstOrganiserSetup.EmailTakenException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a person may change about themselves on "my account": their name, e-mail address and language. */
@Service
public class AccountProfile {

    /** Languages Parcours speaks, as stored in {@code person.locale}. */
    public static final Set<String> LANGUAGES = Set.of("fr", "en");

    private final PersonRepository people;
    private final JdbcClient jdbc;

    AccountProfile(PersonRepository people, JdbcClient jdbc) {
        this.people = people;
        this.jdbc = jdbc;
    }

    /**
     * Saves the new values, already validated by the caller ({@link EmailAddresses}, {@link #LANGUAGES}).
     *
     * @return the person as now stored
     * @throws EmailTakenException when another person has this address
     * @throws IllegalStateException when the account no longer exists (erased)
     */
    @Transactional
    public Person update(long personId, Change change) {
        String email = Person.normaliseEmail(change.email());
        if (!LANGUAGES.contains(change.language())) {
            throw new IllegalArgumentException("unsupported language " + change.language());
        }
        people.findByEmail(email).filter(other -> other.id() != personId).ifPresent(other -> {
            throw new EmailTakenException();
        });
        int updated;
        try {
            updated = jdbc.sql("""
                            update person set display_name = :name, email = :email, locale = :locale
                            where id = :id and erased_at is null""")
                    .param("name", change.displayName().strip())
                    .param("email", email)
                    .param("locale", change.language())
                    .param("id", personId)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new EmailTakenException();
        }
        if (updated != 1) {
            throw new IllegalStateException("no active person " + personId);
        }
        return people.findActiveById(personId).orElseThrow();
    }

    /** @param language {@code fr} or {@code en} */
    public record Change(String displayName, String email, String language) {}
}

package org.parcours.account;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Delete my account": the person's row stays (so registrations, counts and history keep their shape) but loses
 * everything personal. In one transaction, {@link PersonErasing} is published first, synchronously, so other
 * features release what the person holds (seats, subscriptions) and erase their own personal data while the row is
 * intact; then the name, address and password are replaced and the sign-in links deleted. A listener that fails
 * rolls the whole erasure back.
 */
@Service
public class AccountErasure {

    static final String ERASED_NAME = "—";

    private final JdbcClient jdbc;
    private final PersonRepository people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountErasure(JdbcClient jdbc, PersonRepository people, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    /** Whether this person may erase their account now: anyone except the last organiser. */
    @Transactional(readOnly = true)
    public boolean mayErase(long personId) {
        Person person = people.findActiveById(personId).orElse(null);
        if (person == null) {
            return false;
        }
        return person.role() != Role.ORGANISER || activeOrganisers() > 1;
    }

    /**
     * Erases the account.
     *
     * @throws LastOrganiserException when it is the only organiser left (nobody could administer Parcours)
     * @throws IllegalStateException when there is no such active account
     */
    @Transactional
    public void erase(long personId) {
        String role = jdbc.sql("select role from person where id = :id and erased_at is null")
                .param("id", personId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("no active person " + personId));
        if (Role.ORGANISER.name().equals(role)) {
            // Two organisers erasing themselves at once must not leave none: lock every organiser row, always in
            // the same order, then count.
            jdbc.sql("select id from person where role = 'ORGANISER' and erased_at is null order by id for update")
                    .query(Long.class)
                    .list();
            if (activeOrganisers() <= 1) {
                throw new LastOrganiserException();
            }
        } else {
            jdbc.sql("select id from person where id = :id for update")
                    .param("id", personId)
                    .query(Long.class)
                    .list();
        }
        events.publishEvent(new PersonErasing(personId));
        jdbc.sql("delete from login_token where person_id = :id")
                .param("id", personId)
                .update();
        // Erased organisers become participants, so "is there an organiser?" (first-organiser setup) stays true.
        jdbc.sql("""
                        update person set email = :email, display_name = :name, password_hash = null,
                            role = 'PARTICIPANT', erased_at = :now
                        where id = :id""")
                .param("email", erasedAddress(personId))
                .param("name", ERASED_NAME)
                .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .param("id", personId)
                .update();
    }

    /** An address that is unique, recognisable and can never receive mail ({@code .invalid} is reserved). */
    static String erasedAddress(long personId) {
        return "erased-" + personId + "@invalid";
    }

    private long activeOrganisers() {
        return jdbc.sql("select count(*) from person where role = 'ORGANISER' and erased_at is null")
                .query(Long.class)
                .single();
    }

    /** The last organiser cannot erase their account. */
    public static final class LastOrganiserException extends RuntimeException {
        LastOrganiserException() {
            super("last organiser", null, false, false);
        }
    }
}

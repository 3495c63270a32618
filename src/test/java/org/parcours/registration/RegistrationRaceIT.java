package org.parcours.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Exactness under concurrency, enforced by the database: many threads race for few seats of one session. Runs on
 * H2 and, in CI, PostgreSQL. Not timed.
 */
@SpringBootTest
@Import(RegistrationFixtures.class)
class RegistrationRaceIT {

    static final int ATTEMPTS = 200;
    static final int SEATS = 20;

    @Autowired
    RegistrationFixtures fixtures;

    @Autowired
    RegistrationService registrations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoHundredPeopleRaceForTwentySeats() throws Exception {
        Cycle cycle = fixtures.publishedCycle();
        Session session = fixtures.session(cycle, Duration.ofDays(5), SEATS);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
            emails.add(RegistrationFixtures.email("racer" + i));
        }

        List<Object> outcomes = together(emails.stream()
                .<Callable<Object>>map(email -> () -> fixtures.register(cycle, email, true, session))
                .toList());

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(RegistrationService.Outcome.class));
        List<Registration> rows = fixtures.registrations(session.id());
        assertThat(rows).hasSize(ATTEMPTS);
        assertThat(rows).filteredOn(r -> r.seat() == Seat.CONFERENCE).hasSize(SEATS);
        assertThat(rows)
                .filteredOn(r -> r.seat() == Seat.STREAM && r.waitlisted())
                .hasSize(ATTEMPTS - SEATS);
        assertThat(fixtures.seatsTaken(session.id())).isEqualTo(SEATS);
        assertConfirmationsOncePerRegistration(session, rows);

        // The same 200 people submit again, all at once: nothing changes, nothing more is sent.
        together(emails.stream()
                .<Callable<Object>>map(email -> () -> fixtures.register(cycle, email, true, session))
                .toList());
        assertThat(fixtures.registrations(session.id())).isEqualTo(rows);
        assertConfirmationsOncePerRegistration(session, rows);
    }

    @Test
    void concurrentCancellationsNeverPromoteTwice() throws Exception {
        Cycle cycle = fixtures.publishedCycle();
        Session session = fixtures.session(cycle, Duration.ofDays(5), 10);
        for (int i = 0; i < 40; i++) {
            fixtures.register(cycle, RegistrationFixtures.email("p" + i), true, session);
        }
        List<Registration> seated = fixtures.registrations(session.id()).stream()
                .filter(Registration::seated)
                .toList();
        assertThat(seated).hasSize(10);

        // Every seated person cancels at once, some twice (a double click), while the waitlist is promoted.
        List<Callable<Object>> cancels = new ArrayList<>();
        for (Registration r : seated) {
            cancels.add(() -> registrations.cancel(new CancelLinks.One(r.id(), r.activation())));
            cancels.add(() -> registrations.cancel(new CancelLinks.One(r.id(), r.activation())));
        }
        List<Object> outcomes = together(cancels);

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(RegistrationService.CancelPreview.class));
        List<Registration> rows = fixtures.registrations(session.id());
        assertThat(rows).filteredOn(Registration::seated).hasSize(10);
        assertThat(fixtures.seatsTaken(session.id())).isEqualTo(10);
        List<Registration> promoted =
                rows.stream().filter(r -> r.seated() && !seated.contains(r)).toList();
        assertThat(promoted).hasSize(10);
        // the first ten of the waitlist, in order
        List<Long> waitlistOrder = fixtures.registrations(session.id()).stream()
                .filter(r -> r.active())
                .map(Registration::id)
                .toList();
        assertThat(promoted).extracting(Registration::id).allMatch(waitlistOrder::contains);
        Integer promotionMails = jdbc.sql("""
                        select count(*) from mail_message where category = 'registration.promotion'
                          and idempotency_key like 'registration.promotion:%'
                          and recipient_address in (select p.email from person p join registration r
                            on r.person_id = p.id where r.session_id = :session)""")
                .param("session", session.id())
                .query(Integer.class)
                .single();
        assertThat(promotionMails).isEqualTo(10);
        assertThat(fixtures.mailCount("registration.cancellation", session.id()))
                .isEqualTo(10);
        assertThat(rows).filteredOn(r -> r.active() && r.waitlisted()).hasSize(20);
    }

    private void assertConfirmationsOncePerRegistration(Session session, List<Registration> rows) {
        List<String> keys =
                jdbc.sql("""
                        select m.idempotency_key from mail_message m
                        where m.category = 'registration.confirmation' and m.recipient_address in (
                            select p.email from person p join registration r on r.person_id = p.id
                            where r.session_id = :session)""").param("session", session.id()).query(String.class).list();
        assertThat(keys).hasSize(rows.size()).doesNotHaveDuplicates();
        for (Registration r : rows) {
            assertThat(keys)
                    .filteredOn(k -> k.startsWith("registration.confirmation:" + r.id() + "."))
                    .hasSize(1);
        }
    }

    /** Runs the tasks on as many threads, released at the same moment; returns results or thrown exceptions. */
    private static List<Object> together(List<Callable<Object>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return task.call();
                    } catch (Exception e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}

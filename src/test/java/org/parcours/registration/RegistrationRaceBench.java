package org.parcours.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registration race benchmark (not part of the build: surefire runs {@code *Test}, failsafe {@code *IT}). Run it
 * with {@code bench/registration/run.sh}, which selects it with {@code -Dtest=RegistrationRaceBench} on H2 and on
 * PostgreSQL. {@code bench.attempts} people (5,000) register at the same moment, each on its own virtual thread,
 * for one session with {@code bench.seats} (100) conference seats, all asking for one; each attempt is the real
 * {@link RegistrationService#register} (person, registration, seat, confirmation e-mail queued in one
 * transaction). It asserts exact counts, then prints throughput and latency percentiles. A warm-up of {@code
 * bench.warmup} (1,000) registrations for another session runs first, unmeasured.
 */
@SpringBootTest
@Import(RegistrationFixtures.class)
class RegistrationRaceBench {

    @Autowired
    RegistrationFixtures fixtures;

    @Autowired
    RegistrationService registrations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void fiveThousandAttemptsForAHundredSeats() throws Exception {
        int attempts = Integer.getInteger("bench.attempts", 5000);
        int seats = Integer.getInteger("bench.seats", 100);
        int warmup = Integer.getInteger("bench.warmup", 1000);
        warmUp(warmup);
        Cycle cycle = fixtures.publishedCycle();
        Session session = fixtures.session(cycle, Duration.ofDays(7), seats);
        String run = RegistrationFixtures.unique("bench");

        long[] latencies = new long[attempts];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(attempts);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        long started;
        long elapsed;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < attempts; i++) {
                int n = i;
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    long t0 = System.nanoTime();
                    try {
                        registrations.register(new RegistrationService.Request(
                                cycle.id(),
                                new RegistrationService.Registrant(
                                        "Bench " + n, run + "-" + n + "@example.org", Locale.FRENCH),
                                false,
                                Set.of(session.id()),
                                true));
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                        if (errors.get() <= 5) {
                            e.printStackTrace();
                        }
                    }
                    latencies[n] = System.nanoTime() - t0;
                    return null;
                }));
            }
            ready.await();
            started = System.nanoTime();
            go.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
            elapsed = System.nanoTime() - started;
        }

        List<Registration> rows = fixtures.registrations(session.id());
        long seated = rows.stream().filter(r -> r.seat() == Seat.CONFERENCE).count();
        long stream = rows.stream().filter(r -> r.seat() == Seat.STREAM).count();
        long waitlisted = rows.stream().filter(Registration::waitlisted).count();
        int confirmations =
                jdbc.sql("""
                        select count(distinct idempotency_key) from mail_message
                        where category = 'registration.confirmation' and recipient_address like :run""").param("run", run + "-%").query(Integer.class).single();
        int mails = jdbc.sql("select count(*) from mail_message where recipient_address like :run")
                .param("run", run + "-%")
                .query(Integer.class)
                .single();

        Arrays.sort(latencies);
        String database;
        try (var connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            database = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        }
        String report = String.format(
                Locale.ROOT,
                "registration race on %s: %d attempts, %d seats, pool %s, %d cores%n"
                        + "  seated %d, stream %d (waitlisted %d), errors %d, confirmations queued %d, mails %d%n"
                        + "  wall %.2f s, %.0f registrations/s, latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                database,
                attempts,
                seats,
                System.getProperty("spring.datasource.hikari.maximum-pool-size", "10"),
                Runtime.getRuntime().availableProcessors(),
                seated,
                stream,
                waitlisted,
                errors.get(),
                confirmations,
                mails,
                elapsed / 1e9,
                attempts / (elapsed / 1e9),
                percentile(latencies, 50),
                percentile(latencies, 95),
                percentile(latencies, 99),
                latencies[latencies.length - 1] / 1e6);
        System.out.print(report);
        write(report);

        assertThat(errors).hasValue(0);
        assertThat(rows).hasSize(attempts);
        assertThat(seated).isEqualTo(seats);
        assertThat(stream).isEqualTo(attempts - seats);
        assertThat(waitlisted).isEqualTo(attempts - seats);
        assertThat(confirmations).isEqualTo(attempts);
        assertThat(mails).isEqualTo(attempts);
    }

    /**
     * The same work on another session first, not measured: a server that has been running has its code compiled
     * by the JIT, and the benchmark measures that server rather than the first seconds of a cold JVM.
     */
    private void warmUp(int attempts) throws Exception {
        if (attempts <= 0) {
            return;
        }
        Cycle cycle = fixtures.publishedCycle();
        Session session = fixtures.session(cycle, Duration.ofDays(7), 50);
        String run = RegistrationFixtures.unique("warmup");
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                int n = i;
                futures.add(threads.submit(() -> registrations.register(new RegistrationService.Request(
                        cycle.id(),
                        new RegistrationService.Registrant("Warm " + n, run + "-" + n + "@example.org", Locale.FRENCH),
                        false,
                        Set.of(session.id()),
                        true))));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static void write(String report) throws IOException {
        String file = System.getProperty("bench.report");
        if (file != null) {
            Files.writeString(
                    Path.of(file),
                    report,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }
}

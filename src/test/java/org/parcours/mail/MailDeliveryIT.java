package org.parcours.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole delivery path against a real SMTP server (GreenMail on a free port). The background loop is off:
 * each test drives {@link MailDeliveryWorker} and a {@link MutableClock} by hand. The clock starts far in the
 * future, so workers of other test contexts sharing a PostgreSQL database never find these messages due.
 */
@SpringBootTest(
        properties = {
            "parcours.mail.worker.enabled=false",
            "parcours.mail.worker.batch-size=20",
            "parcours.mail.worker.senders=2",
            "parcours.mail.worker.max-attempts=3",
            "parcours.mail.from=Parcours Test <no-reply@parcours.test>"
        })
@AutoConfigureMockMvc
@Import(MutableClock.Config.class)
class MailDeliveryIT {

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtp =
            new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp")).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    MailService mail;

    @Autowired
    MailDeliveryWorker worker;

    @Autowired
    MailStore store;

    @Autowired
    MailTransport transport;

    @Autowired
    MailSettings settings;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JavaMailSenderImpl sender;

    @Autowired
    MockMvc mvc;

    static String recipient() {
        return "r" + UUID.randomUUID().toString().replace("-", "") + "@delivery.test";
    }

    OutgoingMail.Builder testMail(String to, Locale locale) {
        return OutgoingMail.to(to, "Élodie Test")
                .locale(locale)
                .template("mail/test-message")
                .subject("mail.test.subject")
                .model("requestedBy", "Zoé")
                .category("test.delivery");
    }

    MimeMessage[] receivedBy(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return address.equals(((InternetAddress) m.getAllRecipients()[0]).getAddress());
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toArray(MimeMessage[]::new);
    }

    record Row(String status, int attempts, OffsetDateTime nextAttemptAt, String lastError) {}

    Row row(long id) {
        return jdbc.sql("select status, attempts, next_attempt_at, last_error from mail_message where id = :id")
                .param("id", id)
                .query(Row.class)
                .single();
    }

    OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    // Delivery

    @Test
    void deliversInTheRecipientsLanguageWithAccentsAttachmentAndHeaders() throws Exception {
        String fr = recipient();
        String en = recipient();
        byte[] ics = "BEGIN:VCALENDAR\r\nSUMMARY:Séance d’été\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
        long frId = mail.queue(testMail(fr, Locale.FRENCH)
                .attach("séance-1.ics", "text/calendar; method=REQUEST; charset=UTF-8", ics)
                .header("List-Unsubscribe", "<https://parcours.test/u/abc>")
                .build());
        mail.queue(testMail(en, Locale.ENGLISH).build());
        Instant deliveredAt = clock.instant();

        worker.drain();

        MimeMessage french = receivedBy(fr)[0];
        assertThat(french.getSubject()).isEqualTo("Parcours : e-mail de test");
        assertThat(french.getFrom()[0].toString()).isEqualTo("Parcours Test <no-reply@parcours.test>");
        assertThat(french.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(french.getHeader("List-Unsubscribe")).containsExactly("<https://parcours.test/u/abc>");
        assertThat(french.getSentDate().toInstant()).isEqualTo(deliveredAt.truncatedTo(ChronoUnit.SECONDS));
        String storedId = jdbc.sql("select message_id from mail_message where id = :id")
                .param("id", frId)
                .query(String.class)
                .single();
        assertThat(french.getMessageID()).isEqualTo(storedId);

        Multipart mixed = (Multipart) french.getContent();
        assertThat(french.getContentType()).startsWith("multipart/mixed");
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        String text = (String) alternative.getBodyPart(0).getContent();
        String html = (String) alternative.getBodyPart(1).getContent();
        assertThat(text)
                .contains("Accents et signes : é è ê à ç ô œ « guillemets » — 20 €.")
                .contains("demandé par Zoé")
                .contains("<http://localhost:8080/admin/outbox>")
                .doesNotContain("<p>");
        assertThat(html)
                .contains("<p>Accents et signes : é è ê à ç ô œ « guillemets » — 20 €.</p>")
                .contains("href=\"http://localhost:8080/admin/outbox\"");
        Part attachment = mixed.getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("séance-1.ics");
        assertThat(attachment.getContentType()).startsWith("text/calendar").contains("method=REQUEST");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(ics);

        MimeMessage english = receivedBy(en)[0];
        assertThat(english.getSubject()).isEqualTo("Parcours: test e-mail");
        assertThat(english.getContentType()).startsWith("multipart/alternative");
        assertThat((String) ((Multipart) english.getContent()).getBodyPart(0).getContent())
                .contains("requested by Zoé");

        assertThat(row(frId).status()).isEqualTo("SENT");
        assertThat(row(frId).attempts()).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyStoresAndSendsOneMessage() {
        String to = recipient();
        String key = "test.confirmation:" + UUID.randomUUID();

        long first = mail.queue(testMail(to, Locale.FRENCH).idempotencyKey(key).build());
        long again = transactions.execute(tx ->
                mail.queue(testMail(to, Locale.ENGLISH).idempotencyKey(key).build()));
        worker.drain();

        assertThat(again).isEqualTo(first);
        assertThat(receivedBy(to)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from mail_message where idempotency_key = :k")
                        .param("k", key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void queuingJoinsTheCallersTransaction() {
        String key = "test.rollback:" + UUID.randomUUID();
        String committedKey = "test.commit:" + UUID.randomUUID();

        transactions.executeWithoutResult(tx -> {
            mail.queue(testMail(recipient(), Locale.FRENCH).idempotencyKey(key).build());
            assertThat(store.idByIdempotencyKey(key)).isPresent();
            tx.setRollbackOnly(); // e.g. the registration that queued it failed
        });
        transactions.executeWithoutResult(tx -> mail.queue(testMail(recipient(), Locale.FRENCH)
                .idempotencyKey(committedKey)
                .build()));

        assertThat(store.idByIdempotencyKey(key)).isEmpty();
        assertThat(store.idByIdempotencyKey(committedKey)).isPresent();
    }

    // Failures

    @Test
    void anUnreachableServerDelaysWithBackOffAndLosesNothing() {
        String to = recipient();
        long id = mail.queue(testMail(to, Locale.FRENCH).build());
        int port = sender.getPort();
        sender.setPort(freePort()); // nothing listens there
        try {
            OffsetDateTime start = now();
            worker.drain();
            Row first = row(id);
            assertThat(first.status()).isEqualTo("QUEUED");
            assertThat(first.attempts()).isEqualTo(1);
            assertThat(first.nextAttemptAt()).isEqualTo(start.plusMinutes(1));
            assertThat(first.lastError()).contains("connect").doesNotContain("\tat ");

            clock.advance(Duration.ofSeconds(30));
            assertThat(store.claimable(now(), 1000)).doesNotContain(id);

            clock.advance(Duration.ofSeconds(31));
            OffsetDateTime second = now();
            worker.drain();
            assertThat(row(id).attempts()).isEqualTo(2);
            assertThat(row(id).nextAttemptAt()).isEqualTo(second.plusMinutes(5));
        } finally {
            sender.setPort(port);
        }
        clock.advance(Duration.ofMinutes(5));
        worker.drain();

        assertThat(row(id).status()).isEqualTo("SENT");
        assertThat(row(id).attempts()).isEqualTo(3);
        assertThat(receivedBy(to)).hasSize(1);
    }

    @Test
    @WithMockUser(roles = "ORGANISER")
    void afterTheLastAttemptTheMessageFailsAndAnOrganiserCanRetryIt() throws Exception {
        String to = recipient();
        long id = mail.queue(testMail(to, Locale.FRENCH).build());
        int port = sender.getPort();
        sender.setPort(freePort());
        try {
            for (int attempt = 0; attempt < settings.worker().maxAttempts(); attempt++) {
                worker.drain();
                clock.advance(Duration.ofHours(7));
            }
        } finally {
            sender.setPort(port);
        }
        assertThat(row(id).status()).isEqualTo("FAILED");
        assertThat(row(id).attempts()).isEqualTo(3);
        worker.drain();
        assertThat(receivedBy(to)).isEmpty();

        mvc.perform(post("/admin/outbox/{id}/retry", id)).andExpect(status().isForbidden()); // no CSRF token
        mvc.perform(post("/admin/outbox/{id}/retry", id).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(row(id).status()).isEqualTo("QUEUED");
        worker.drain();

        assertThat(row(id).status()).isEqualTo("SENT");
        assertThat(receivedBy(to)).hasSize(1);
    }

    // Claiming

    @Test
    void aMessageLeftSendingByADeadWorkerIsTakenAgainAfterItsLease() {
        String stale = recipient();
        String leased = recipient();
        long staleId = mail.queue(testMail(stale, Locale.FRENCH).build());
        long leasedId = mail.queue(testMail(leased, Locale.FRENCH).build());
        // As a worker killed mid-batch leaves them: SENDING, one lease over, one still running.
        setSending(staleId, now().minusSeconds(1));
        setSending(leasedId, now().plusMinutes(5));

        worker.drain();

        assertThat(row(staleId).status()).isEqualTo("SENT");
        assertThat(row(staleId).attempts()).isEqualTo(2);
        assertThat(row(leasedId).status()).isEqualTo("SENDING");
        assertThat(receivedBy(leased)).isEmpty();

        clock.advance(Duration.ofMinutes(6));
        worker.drain();
        assertThat(row(leasedId).status()).isEqualTo("SENT");
        assertThat(receivedBy(stale)).hasSize(1);
        assertThat(receivedBy(leased)).hasSize(1);
    }

    void setSending(long id, OffsetDateTime leaseUntil) {
        jdbc.sql("update mail_message set status = 'SENDING', attempts = 1, claimed_until = :lease where id = :id")
                .param("lease", leaseUntil)
                .param("id", id)
                .update();
    }

    @Test
    void racingWorkersNeverSendAMessageTwice() throws Exception {
        List<String> recipients = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String to = recipient();
            recipients.add(to);
            ids.add(mail.queue(testMail(to, Locale.FRENCH).build()));
        }
        // Two workers, as on two nodes: the bean and an independent instance, four threads in all.
        MailDeliveryWorker other = new MailDeliveryWorker(store, transport, settings, clock);
        List<MailDeliveryWorker> workers = List.of(worker, other, worker, other);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(workers.size());
        try {
            List<Future<Integer>> claimed = new ArrayList<>();
            for (MailDeliveryWorker w : workers) {
                Callable<Integer> drain = () -> {
                    start.await();
                    return w.drain();
                };
                claimed.add(threads.submit(drain));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : claimed) {
                total += f.get();
            }
            assertThat(total).isGreaterThanOrEqualTo(ids.size());
        } finally {
            threads.shutdownNow();
        }

        for (String to : recipients) {
            assertThat(receivedBy(to)).as(to).hasSize(1);
        }
        for (long id : ids) {
            assertThat(row(id).status()).isEqualTo("SENT");
            assertThat(row(id).attempts()).isEqualTo(1);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.parcours.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The background worker as it runs in production: started with the application when SMTP is configured, woken
 * by the commit that queued a message, stopped with the application. The context is closed after the class so its
 * worker does not keep polling a shared database while other test classes run.
 */
@SpringBootTest(properties = "parcours.mail.worker.poll-interval=1h")
@DirtiesContext
class MailWorkerLifecycleIT {

    static final int SMTP_PORT = MailDeliveryIT.freePort();

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
    TransactionTemplate transactions;

    @Test
    void aCommittedMessageIsDeliveredWithoutWaitingForThePollInterval() throws Exception {
        String to = "w" + UUID.randomUUID().toString().replace("-", "") + "@worker.test";
        assertThat(worker.isRunning()).isTrue();
        assertThat(mail.delivering()).isTrue();

        transactions.executeWithoutResult(tx -> mail.queue(OutgoingMail.to(to, null)
                .locale(Locale.ENGLISH)
                .template("mail/test-message")
                .subject("mail.test.subject")
                .model("requestedBy", "lifecycle")
                .category("test.lifecycle")
                .build()));

        // The poll interval is an hour: only the wake-up after commit can deliver it within the wait.
        long deadline = System.currentTimeMillis() + 30_000;
        while (received(to) == 0 && System.currentTimeMillis() < deadline) {
            smtp.waitForIncomingEmail(1_000, smtp.getReceivedMessages().length + 1);
        }
        assertThat(received(to)).isEqualTo(1);
    }

    long received(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return address.equals(((InternetAddress) m.getAllRecipients()[0]).getAddress());
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .count();
    }
}

package org.parcours.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** Addresses Parcours accepts, back-off, and which failures are worth retrying. */
class MailRulesTest {

    @Test
    void acceptsPlainAddressesOnly() {
        assertThat(MailService.isDeliverableAddress("ada@example.org")).isTrue();
        assertThat(MailService.isDeliverableAddress("ada.lovelace+cycle@sub.example.org"))
                .isTrue();
        assertThat(MailService.isDeliverableAddress("ada@localhost")).isFalse();
        assertThat(MailService.isDeliverableAddress("Ada <ada@example.org>")).isFalse();
        assertThat(MailService.isDeliverableAddress("a@example.org, b@example.org"))
                .isFalse();
        assertThat(MailService.isDeliverableAddress("ada@example.org\r\nBcc: x@example.org"))
                .isFalse();
        assertThat(MailService.isDeliverableAddress("not an address")).isFalse();
        assertThat(MailService.isDeliverableAddress("")).isFalse();
        assertThat(MailService.isDeliverableAddress(null)).isFalse();
    }

    @Test
    void backOffGrowsThenStaysAtItsLastStep() {
        var worker = new MailSettings.Worker(
                true,
                Duration.ofSeconds(2),
                100,
                2,
                Duration.ofMinutes(10),
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15)),
                8);

        assertThat(worker.backoffAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(worker.backoffAfter(2)).isEqualTo(Duration.ofMinutes(5));
        assertThat(worker.backoffAfter(3)).isEqualTo(Duration.ofMinutes(15));
        assertThat(worker.backoffAfter(7)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aRefusedRecipientIsPermanentAConnectionProblemIsNot() throws Exception {
        var refused = new SendFailedException(
                "550 no such user", null, new InternetAddress[0], new InternetAddress[0], new InternetAddress[] {
                    new InternetAddress("x@example.org")
                });
        var unreachable = new MailSendException(
                "Mail server connection failed",
                new MessagingException("Couldn't connect", new ConnectException("Connection refused")));

        assertThat(MailDeliveryWorker.isPermanent(new MailSendException("failed", refused)))
                .isTrue();
        assertThat(MailDeliveryWorker.isPermanent(unreachable)).isFalse();
    }

    @Test
    void errorsAreShortAndWithoutStackTraces() {
        var error = new MailSendException(
                "Mail server connection failed",
                new MessagingException(
                        "Couldn't connect to host, port: 127.0.0.1, 1; timeout -1",
                        new ConnectException("Connection refused")));

        String text = MailDeliveryWorker.describe(error);

        assertThat(text)
                .contains("Mail server connection failed")
                .contains("Connection refused")
                .doesNotContain("\n")
                .doesNotContain("at org.");
        assertThat(MailDeliveryWorker.describe(new RuntimeException("x".repeat(2000))))
                .hasSizeLessThanOrEqualTo(500);
    }
}

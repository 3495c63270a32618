package org.parcours.mail;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code parcours.mail.*}: the sender address and how the delivery worker behaves. The SMTP server itself is
 * configured with Spring's {@code spring.mail.*} properties; with no {@code spring.mail.host} every message is
 * {@link MailStatus#HELD held} in the Outbox.
 *
 * @param from the From header, e.g. {@code Parcours <no-reply@example.org>}
 * @param worker how the background delivery works
 */
@ConfigurationProperties("parcours.mail")
record MailSettings(
        @DefaultValue("Parcours <no-reply@localhost>") String from,
        @DefaultValue Worker worker) {

    /**
     * @param enabled whether the background loop runs (tests turn it off and drive {@link MailDeliveryWorker})
     * @param pollInterval pause between two looks at the queue when it is empty
     * @param batchSize messages one sender claims and sends over one SMTP connection
     * @param senders parallel delivery threads, each sending its own batches over its own SMTP connection
     * @param lease how long a claimed batch belongs to its worker; must exceed the time to send one batch
     * @param backoff waits after the 1st, 2nd, … failed attempt; the last value repeats
     * @param maxAttempts attempts before a message is marked FAILED
     */
    record Worker(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("2s") Duration pollInterval,
            @DefaultValue("100") int batchSize,
            @DefaultValue("4") int senders,
            @DefaultValue("10m") Duration lease,

            @DefaultValue({"1m", "5m", "15m", "1h", "3h", "6h"})
            List<Duration> backoff,

            @DefaultValue("8") int maxAttempts) {

        Worker {
            if (batchSize < 1 || senders < 1 || maxAttempts < 1 || backoff.isEmpty()) {
                throw new IllegalArgumentException(
                        "parcours.mail.worker: batch-size, senders and max-attempts must be >= 1 and backoff not empty");
            }
        }

        /** The wait before the next attempt, after {@code attempts} attempts have failed. */
        Duration backoffAfter(int attempts) {
            return backoff.get(Math.min(Math.max(attempts, 1), backoff.size()) - 1);
        }
    }
}

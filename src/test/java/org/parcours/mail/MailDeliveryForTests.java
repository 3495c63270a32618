package org.parcours.mail;

import org.springframework.context.ApplicationContext;

/**
 * Lets integration tests of other features deliver queued mail by hand, with the background worker off
 * ({@code parcours.mail.worker.enabled=false}), so that they read the real messages from their own SMTP server.
 */
public final class MailDeliveryForTests {

    private MailDeliveryForTests() {}

    /** Delivers every message due at the context's clock; returns how many were claimed. */
    public static int deliverDue(ApplicationContext context) {
        return context.getBean(MailDeliveryWorker.class).drain();
    }
}

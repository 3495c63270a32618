package org.parcours.registration.calendar;

import java.util.List;
import java.util.Optional;
import org.parcours.mail.Outbox;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads what the mail feature queued, by idempotency key or recipient, as the Outbox shows it. */
@TestComponent
public class QueuedMail {

    private final JdbcClient jdbc;
    private final Outbox outbox;

    QueuedMail(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    public long count(String keyPrefix) {
        return jdbc.sql("select count(*) from mail_message where idempotency_key like :prefix")
                .param("prefix", keyPrefix + "%")
                .query(Long.class)
                .single();
    }

    public List<String> keysTo(String address) {
        return jdbc.sql("select idempotency_key from mail_message where recipient_address = :to order by id")
                .param("to", address)
                .query(String.class)
                .list();
    }

    public Optional<Outbox.Message> byKey(String key) {
        return jdbc.sql("select id from mail_message where idempotency_key = :key")
                .param("key", key)
                .query(Long.class)
                .optional()
                .flatMap(outbox::message);
    }

    public Outbox.Message get(String key) {
        return byKey(key).orElseThrow(() -> new AssertionError("no e-mail with key " + key));
    }

    public byte[] attachment(Outbox.Message message, int position) {
        return outbox.attachment(message.entry().id(), position).orElseThrow().content();
    }
}

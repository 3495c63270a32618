package org.parcours.mail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What organisers see of the mail queue (the Outbox pages): every message ever queued, newest first, with its
 * content exactly as it was (or will be) sent. Read-only, except "retry".
 */
@Service
@Transactional(readOnly = true)
public class Outbox {

    public static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final MailStore store;
    private final MailTransport transport;
    private final MailDeliveryWorker worker;
    private final Clock clock;

    Outbox(JdbcClient jdbc, MailStore store, MailTransport transport, MailDeliveryWorker worker, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.transport = transport;
        this.worker = worker;
        this.clock = clock;
    }

    /** One line of the list. */
    public record Entry(
            long id,
            String category,
            String recipientAddress,
            @Nullable String recipientName,
            String subject,
            MailStatus status,
            int attempts,
            OffsetDateTime createdAt,
            OffsetDateTime nextAttemptAt,
            @Nullable OffsetDateTime sentAt,
            @Nullable String lastError) {}

    /** One message with its content. {@code headers} are the extra ones (e.g. List-Unsubscribe). */
    public record Message(
            Entry entry,
            String locale,
            String messageId,
            @Nullable String idempotencyKey,
            String textBody,
            String htmlBody,
            Map<String, String> headers,
            List<AttachmentInfo> attachments) {}

    public record AttachmentInfo(int position, String filename, String contentType, long size) {}

    public record AttachmentContent(String filename, String contentType, byte[] content) {}

    public record Page(List<Entry> entries, int page, int pageCount, long total) {}

    public boolean smtpConfigured() {
        return transport.configured();
    }

    public Page page(@Nullable MailStatus status, int page) {
        // No "(:status is null or …)": PostgreSQL cannot type a bare null parameter.
        String where = status == null ? "" : " where status = :status";
        String statusName = status == null ? "" : status.name();
        long total = jdbc.sql("select count(*) from mail_message" + where)
                .param("status", statusName)
                .query(Long.class)
                .single();
        int pageCount = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pageCount);
        List<Entry> entries = jdbc.sql("""
                        select id, category, recipient_address, recipient_name, subject, status, attempts, created_at,
                            next_attempt_at, sent_at, last_error
                        from mail_message""" + where + " order by created_at desc, id desc limit :limit offset :offset")
                .param("status", statusName)
                .param("limit", PAGE_SIZE)
                .param("offset", (current - 1) * PAGE_SIZE)
                .query(Entry.class)
                .list();
        return new Page(entries, current, pageCount, total);
    }

    public Map<MailStatus, Long> counts() {
        Map<MailStatus, Long> counts = new EnumMap<>(MailStatus.class);
        for (MailStatus status : MailStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select status, count(*) as n from mail_message group by status")
                .query((rs, row) -> Map.entry(MailStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    public Optional<Message> message(long id) {
        Optional<Entry> entry = jdbc.sql("""
                        select id, category, recipient_address, recipient_name, subject, status, attempts, created_at,
                            next_attempt_at, sent_at, last_error
                        from mail_message where id = :id""").param("id", id).query(Entry.class).optional();
        return entry.map(e -> jdbc.sql("""
                        select locale, message_id, idempotency_key, text_body, html_body, extra_headers
                        from mail_message where id = :id""")
                .param("id", id)
                .query((rs, row) -> new Message(
                        e,
                        rs.getString("locale"),
                        rs.getString("message_id"),
                        rs.getString("idempotency_key"),
                        rs.getString("text_body"),
                        rs.getString("html_body"),
                        MimeComposer.parseHeaders(rs.getString("extra_headers")),
                        attachments(id)))
                .single());
    }

    private List<AttachmentInfo> attachments(long mailId) {
        return jdbc.sql("""
                        select position, filename, content_type, octet_length(content) as size
                        from mail_attachment where mail_id = :id order by position""").param("id", mailId).query(AttachmentInfo.class).list();
    }

    public Optional<AttachmentContent> attachment(long mailId, int position) {
        return jdbc.sql("""
                        select filename, content_type, content
                        from mail_attachment where mail_id = :id and position = :position""")
                .param("id", mailId)
                .param("position", position)
                .query(AttachmentContent.class)
                .optional();
    }

    /** Whether "retry" applies: a FAILED message, or a HELD one now that an SMTP server is configured. */
    public boolean retryable(MailStatus status) {
        return status == MailStatus.FAILED || (status == MailStatus.HELD && transport.configured());
    }

    /**
     * Queues a failed (or held) message again for an immediate attempt, with a fresh count of attempts.
     *
     * @return false if the message is not (or no longer) in a state that can be retried
     */
    @Transactional
    public boolean retry(long id) {
        List<MailStatus> from =
                transport.configured() ? List.of(MailStatus.FAILED, MailStatus.HELD) : List.of(MailStatus.FAILED);
        boolean done = store.requeue(id, from, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (done && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.wakeUp();
                }
            });
        }
        return done;
    }

    /** Statuses as lower-case words, for CSS classes and message keys. */
    public static String key(MailStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}

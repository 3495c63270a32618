package org.parcours.mail;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL of the mail queue. Claiming uses one conditional UPDATE per row and checks its count, which is safe when
 * several workers or nodes share the database and behaves the same on H2 and PostgreSQL (unlike
 * {@code FOR UPDATE SKIP LOCKED} with {@code ORDER BY}, see STACK-NOTES §2).
 */
@Repository
class MailStore {

    /** A row the worker may take: queued and due, or claimed by a worker whose lease ran out. */
    private static final String CLAIMABLE = """
            ((status = 'QUEUED' and next_attempt_at <= :now) or (status = 'SENDING' and claimed_until < :now))""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    MailStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    record NewMessage(
            String category,
            @Nullable String idempotencyKey,
            String recipientAddress,
            @Nullable String recipientName,
            String locale,
            String subject,
            String textBody,
            String htmlBody,
            @Nullable String extraHeaders,
            String messageId,
            MailStatus status,
            OffsetDateTime now) {}

    /** Rows of a claimed message as the worker needs them. */
    record Claimed(
            long id,
            String recipientAddress,
            @Nullable String recipientName,
            String subject,
            String textBody,
            String htmlBody,
            @Nullable String extraHeaders,
            String messageId,
            int attempts) {}

    record StoredAttachment(long mailId, int position, String filename, String contentType, byte[] content) {}

    Optional<Long> idByIdempotencyKey(String key) {
        return jdbc.sql("select id from mail_message where idempotency_key = :key")
                .param("key", key)
                .query(Long.class)
                .optional();
    }

    /**
     * Inserts the message unless another one already holds its idempotency key ({@code on conflict do nothing},
     * which leaves the caller's transaction usable on PostgreSQL, unlike a caught unique violation).
     *
     * @return the new id, or empty when the key was taken
     */
    Optional<Long> insert(NewMessage m) {
        KeyHolder keys = new GeneratedKeyHolder();
        int rows = jdbc.sql("""
                        insert into mail_message (category, idempotency_key, recipient_address, recipient_name, locale,
                            subject, text_body, html_body, extra_headers, message_id, status, attempts,
                            next_attempt_at, created_at)
                        values (:category, :key, :address, :name, :locale, :subject, :text, :html, :headers,
                            :messageId, :status, 0, :now, :now)
                        on conflict do nothing""")
                .param("category", m.category())
                .param("key", m.idempotencyKey())
                .param("address", m.recipientAddress())
                .param("name", m.recipientName())
                .param("locale", m.locale())
                .param("subject", m.subject())
                .param("text", m.textBody())
                .param("html", m.htmlBody())
                .param("headers", m.extraHeaders())
                .param("messageId", m.messageId())
                .param("status", m.status().name())
                .param("now", m.now())
                .update(keys, "id");
        if (rows == 0) {
            return Optional.empty();
        }
        Number id = keys.getKey();
        return Optional.of(id == null ? -1L : id.longValue()).filter(value -> value > 0);
    }

    void insertAttachments(long mailId, List<OutgoingMail.Attachment> attachments) {
        int position = 0;
        for (OutgoingMail.Attachment attachment : attachments) {
            jdbc.sql("""
                            insert into mail_attachment (mail_id, position, filename, content_type, content)
                            values (:mailId, :position, :filename, :contentType, :content)""")
                    .param("mailId", mailId)
                    .param("position", position++)
                    .param("filename", attachment.filename())
                    .param("contentType", attachment.contentType())
                    .param("content", attachment.content())
                    .update();
        }
    }

    /** Ids of claimable rows, oldest due first. Another worker may take some of them before we do. */
    List<Long> claimable(OffsetDateTime now, int limit) {
        return claimable(now, limit, 0);
    }

    /**
     * Queued rows in due order first (a range scan of the (status, next_attempt_at) index), then rows whose lease
     * ran out, which are rare. Two queries instead of one with OR, which neither database could serve from the index.
     */
    List<Long> claimable(OffsetDateTime now, int limit, int offset) {
        List<Long> ids = new ArrayList<>(jdbc.sql("""
                        select id from mail_message where status = 'QUEUED' and next_attempt_at <= :now
                        order by next_attempt_at, id limit :limit offset :offset""")
                .param("now", now)
                .param("limit", limit)
                .param("offset", offset)
                .query(Long.class)
                .list());
        if (ids.size() < limit) {
            ids.addAll(jdbc.sql("""
                            select id from mail_message where status = 'SENDING' and claimed_until < :now
                            order by claimed_until, id limit :limit""")
                    .param("now", now)
                    .param("limit", limit - ids.size())
                    .query(Long.class)
                    .list());
        }
        return ids;
    }

    /**
     * Takes rows for this worker until {@code leaseUntil} and counts the attempt, in one JDBC batch. Of several
     * racing workers only one sees an update count of 1 for a row: the condition is evaluated again under the row
     * lock. Rows are locked in ascending id order, so two claimers never deadlock.
     *
     * @return the ids this worker now owns
     */
    List<Long> claim(List<Long> ids, OffsetDateTime now, OffsetDateTime leaseUntil) {
        List<Long> sorted = ids.stream().sorted().toList();
        SqlParameterSource[] params = sorted.stream()
                .map(id -> new MapSqlParameterSource()
                        .addValue("id", id)
                        .addValue("now", now)
                        .addValue("lease", leaseUntil))
                .toArray(SqlParameterSource[]::new);
        int[] counts = batch.batchUpdate(
                "update mail_message set status = 'SENDING', claimed_until = :lease, attempts = attempts + 1"
                        + " where id = :id and " + CLAIMABLE,
                params);
        List<Long> claimed = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 1) {
                claimed.add(sorted.get(i));
            }
        }
        return claimed;
    }

    List<Claimed> claimed(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, recipient_address, recipient_name, subject, text_body, html_body, extra_headers,
                            message_id, attempts
                        from mail_message where id in (:ids) order by id""").param("ids", ids).query(Claimed.class).list();
    }

    List<StoredAttachment> attachments(Collection<Long> mailIds) {
        if (mailIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select mail_id, position, filename, content_type, content
                        from mail_attachment where mail_id in (:ids) order by mail_id, position""").param("ids", mailIds).query(StoredAttachment.class).list();
    }

    void markSent(Collection<Long> ids, OffsetDateTime now) {
        SqlParameterSource[] params = ids.stream()
                .sorted()
                .map(id -> new MapSqlParameterSource().addValue("id", id).addValue("now", now))
                .toArray(SqlParameterSource[]::new);
        batch.batchUpdate("""
                update mail_message set status = 'SENT', sent_at = :now, claimed_until = null, last_error = null
                where id = :id and status = 'SENDING'""", params);
    }

    /** Back to the queue for a later attempt, or FAILED for good. */
    void markFailed(long id, MailStatus status, OffsetDateTime nextAttempt, String error) {
        jdbc.sql("""
                        update mail_message set status = :status, next_attempt_at = :next, claimed_until = null,
                            last_error = :error
                        where id = :id and status = 'SENDING'""")
                .param("status", status.name())
                .param("next", nextAttempt)
                .param("error", error)
                .param("id", id)
                .update();
    }

    /** An organiser's "retry now": a failed (or, once SMTP is configured, a held) message starts afresh. */
    boolean requeue(long id, Collection<MailStatus> from, OffsetDateTime now) {
        List<String> statuses = new ArrayList<>();
        from.forEach(s -> statuses.add(s.name()));
        return jdbc.sql("""
                                update mail_message set status = 'QUEUED', attempts = 0, next_attempt_at = :now,
                                    claimed_until = null
                                where id = :id and status in (:statuses)""")
                        .param("now", now)
                        .param("id", id)
                        .param("statuses", statuses)
                        .update()
                == 1;
    }
}

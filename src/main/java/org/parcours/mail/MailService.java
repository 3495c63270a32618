package org.parcours.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.ParseException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The public API of the mail feature: queue a message for delivery.
 *
 * <p>{@link #queue(OutgoingMail)} joins the caller's transaction, so a registration and its confirmation are
 * committed or rolled back together; the message is rendered at that moment, and what is stored is exactly what
 * will be sent and what the Outbox shows.
 */
@Service
public class MailService {

    static final int MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,75}");
    private static final Set<String> RESERVED_HEADERS = Set.of(
            "from",
            "to",
            "cc",
            "bcc",
            "subject",
            "date",
            "message-id",
            "mime-version",
            "content-type",
            "content-transfer-encoding",
            "auto-submitted",
            "sender");

    private final MailStore store;
    private final MailRenderer renderer;
    private final MailTransport transport;
    private final MailDeliveryWorker worker;
    private final MailSettings settings;
    private final Clock clock;

    MailService(
            MailStore store,
            MailRenderer renderer,
            MailTransport transport,
            MailDeliveryWorker worker,
            MailSettings settings,
            Clock clock) {
        this.store = store;
        this.renderer = renderer;
        this.transport = transport;
        this.worker = worker;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Renders and stores a message for delivery, in the caller's transaction (or a new one).
     *
     * @return the id of the stored message; with an idempotency key already used, the id of the earlier message
     *     (nothing new is stored or sent)
     * @throws IllegalArgumentException when the address, a header or an attachment is not acceptable
     */
    @Transactional
    public long queue(OutgoingMail mail) {
        validate(mail);
        String key = mail.idempotencyKey();
        if (key != null) {
            Optional<Long> existing = store.idByIdempotencyKey(key);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        MailRenderer.Rendered rendered = renderer.render(mail);
        MailStatus status = transport.configured() ? MailStatus.QUEUED : MailStatus.HELD;
        Optional<Long> inserted = store.insert(new MailStore.NewMessage(
                mail.category(),
                key,
                mail.recipient().address().strip(),
                singleLine(mail.recipient().name()),
                mail.locale().toLanguageTag(),
                rendered.subject(),
                rendered.text(),
                rendered.html(),
                MimeComposer.formatHeaders(mail.headers()),
                newMessageId(),
                status,
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
        if (inserted.isEmpty()) {
            // Another transaction stored the same key between our look-up and our insert.
            return store.idByIdempotencyKey(String.valueOf(key))
                    .orElseThrow(() -> new DuplicateKeyException(
                            "Mail with idempotency key " + key + " is being queued by another transaction"));
        }
        long id = inserted.get();
        store.insertAttachments(id, mail.attachments());
        if (status == MailStatus.QUEUED && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.wakeUp();
                }
            });
        }
        return id;
    }

    /** Whether messages are delivered (an SMTP server is configured) or held in the Outbox. */
    public boolean delivering() {
        return transport.configured();
    }

    /** A single, plain e-mail address Parcours can send to ({@code name@example.org}, no display name). */
    public static boolean isDeliverableAddress(@Nullable String address) {
        if (address == null
                || address.isBlank()
                || address.length() > 320
                || address.strip().contains(" ")) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address.strip(), true);
            parsed.validate();
            return parsed.getPersonal() == null
                    && parsed.getAddress().equals(address.strip())
                    && parsed.getAddress().indexOf('@') > 0
                    && parsed.getAddress()
                            .substring(parsed.getAddress().indexOf('@'))
                            .contains(".");
        } catch (AddressException e) {
            return false;
        }
    }

    private void validate(OutgoingMail mail) {
        if (!isDeliverableAddress(mail.recipient().address())) {
            throw new IllegalArgumentException(
                    "Not a deliverable e-mail address: " + mail.recipient().address());
        }
        check(mail.category().length() <= 100 && !mail.category().isBlank(), "category must be 1-100 characters");
        String key = mail.idempotencyKey();
        check(key == null || (!key.isBlank() && key.length() <= 200), "idempotency key must be 1-200 characters");
        mail.headers().forEach((name, value) -> {
            check(HEADER_NAME.matcher(name).matches(), "bad header name: " + name);
            check(!RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT)), "header set by Parcours: " + name);
            check(value.indexOf('\r') < 0 && value.indexOf('\n') < 0, "line break in header " + name);
        });
        long total = 0;
        for (OutgoingMail.Attachment attachment : mail.attachments()) {
            String name = attachment.filename();
            check(!name.isBlank() && name.length() <= 255, "attachment file name must be 1-255 characters");
            check(name.chars().noneMatch(c -> c < 0x20 || c == '/' || c == '\\'), "bad attachment name: " + name);
            try {
                new ContentType(attachment.contentType());
            } catch (ParseException e) {
                throw new IllegalArgumentException("bad attachment content type: " + attachment.contentType(), e);
            }
            total += attachment.content().length;
        }
        check(total <= MAX_ATTACHMENT_BYTES, "attachments exceed " + MAX_ATTACHMENT_BYTES + " bytes");
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static @Nullable String singleLine(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String line = value.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    /** {@code <random@sender-domain>}: unique, and stable across delivery attempts. */
    private String newMessageId() {
        String domain = "parcours.invalid";
        try {
            String from = InternetAddress.parse(settings.from(), false)[0].getAddress();
            if (from != null && from.indexOf('@') > 0) {
                domain = from.substring(from.indexOf('@') + 1);
            }
        } catch (AddressException e) {
            // keep the neutral domain; the worker reports the bad sender address
        }
        return "<" + UUID.randomUUID() + "@" + domain + ">";
    }
}

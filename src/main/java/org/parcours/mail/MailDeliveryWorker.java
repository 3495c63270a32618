package org.parcours.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers queued mail: claims a batch of due messages (see {@link MailStore#claim}), sends it over a few SMTP
 * connections in parallel, then marks each message SENT, or schedules its next attempt with back-off, or marks it
 * FAILED after the last attempt or a permanent refusal. A message claimed by a worker that died is taken again
 * once its lease ends, so a killed process resumes its queue on restart (a message may then be sent twice if
 * the process died between the server's "250 OK" and the SENT mark; its Message-ID stays the same).
 *
 * <p>Runs as one background thread, started only when an SMTP server is configured and
 * {@code parcours.mail.worker.enabled} is true; it wakes up when a message is queued and otherwise looks at the
 * queue every {@code poll-interval}.
 */
@Component
class MailDeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailDeliveryWorker.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final MailStore store;
    private final MailTransport transport;
    private final MailSettings settings;
    private final Clock clock;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private @Nullable Thread loop;
    private @Nullable ExecutorService senders;

    MailDeliveryWorker(MailStore store, MailTransport transport, MailSettings settings, Clock clock) {
        this.store = store;
        this.transport = transport;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * One pass: claims up to one batch of due messages and tries to deliver each once.
     *
     * @return how many messages this call claimed (0 when nothing was due)
     */
    int deliverDue() {
        OffsetDateTime now = now();
        List<Long> candidates = store.claimable(now, settings.worker().batchSize());
        if (candidates.isEmpty()) {
            return 0;
        }
        List<Long> ids = store.claim(candidates, now, now.plus(settings.worker().lease()));
        if (ids.isEmpty()) {
            return 0;
        }
        List<MailStore.Claimed> claimed = store.claimed(ids);
        Map<Long, List<MailStore.StoredAttachment>> attachments =
                store.attachments(ids).stream().collect(Collectors.groupingBy(MailStore.StoredAttachment::mailId));

        List<Long> sent = new ArrayList<>();
        Map<MailStore.Claimed, Exception> failed = new IdentityHashMap<>();
        Map<MimeMessage, MailStore.Claimed> composed = new IdentityHashMap<>();
        InternetAddress from = from();
        Date sentDate = Date.from(clock.instant());
        for (MailStore.Claimed mail : claimed) {
            try {
                composed.put(
                        MimeComposer.compose(
                                transport.session(),
                                from,
                                mail,
                                attachments.getOrDefault(mail.id(), List.of()),
                                sentDate),
                        mail);
            } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
                failed.put(mail, e);
            }
        }
        Map<MimeMessage, Exception> sendFailures = sendInParallel(new ArrayList<>(composed.keySet()));
        composed.forEach((message, mail) -> {
            Exception failure = sendFailures.get(message);
            if (failure == null) {
                sent.add(mail.id());
            } else {
                failed.put(mail, failure);
            }
        });

        OffsetDateTime done = now();
        store.markSent(sent, done);
        failed.forEach((mail, error) -> recordFailure(mail, error, done));
        return ids.size();
    }

    /** Runs {@link #deliverDue()} until nothing is due. For tests and the benchmark. */
    int drain() {
        int total = 0;
        for (int n = deliverDue(); n > 0; n = deliverDue()) {
            total += n;
        }
        return total;
    }

    /** Called after a transaction that queued mail commits, so delivery starts at once. */
    void wakeUp() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    private Map<MimeMessage, Exception> sendInParallel(List<MimeMessage> messages) {
        int threads = Math.min(settings.worker().senders(), messages.size());
        ExecutorService pool = senders;
        if (threads <= 1 || pool == null) {
            return transport.send(messages);
        }
        List<Future<Map<MimeMessage, Exception>>> parts = new ArrayList<>();
        int chunk = (messages.size() + threads - 1) / threads;
        for (int start = 0; start < messages.size(); start += chunk) {
            List<MimeMessage> part = messages.subList(start, Math.min(messages.size(), start + chunk));
            parts.add(pool.submit(() -> transport.send(part)));
        }
        Map<MimeMessage, Exception> failures = new IdentityHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            List<MimeMessage> part = messages.subList(i * chunk, Math.min(messages.size(), (i + 1) * chunk));
            try {
                failures.putAll(parts.get(i).get());
            } catch (ExecutionException e) {
                Exception cause = e.getCause() instanceof Exception ex ? ex : e;
                part.forEach(m -> failures.put(m, cause));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                part.forEach(m -> failures.put(m, e));
            }
        }
        return failures;
    }

    private void recordFailure(MailStore.Claimed mail, Exception error, OffsetDateTime now) {
        boolean permanent = isPermanent(error);
        boolean lastAttempt = mail.attempts() >= settings.worker().maxAttempts();
        MailStatus status = permanent || lastAttempt ? MailStatus.FAILED : MailStatus.QUEUED;
        OffsetDateTime next =
                status == MailStatus.FAILED ? now : now.plus(settings.worker().backoffAfter(mail.attempts()));
        String message = describe(error);
        log.warn(
                "Mail {} to {} not delivered (attempt {}, now {}): {}",
                mail.id(),
                mail.recipientAddress(),
                mail.attempts(),
                status,
                message);
        store.markFailed(mail.id(), status, next, message);
    }

    /** The server refused the recipient for good (5xx on RCPT): retrying will not help. */
    static boolean isPermanent(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SendFailedException sfe
                    && sfe.getInvalidAddresses() != null
                    && sfe.getInvalidAddresses().length > 0) {
                return true;
            }
            if (t instanceof AddressException) {
                return true;
            }
            if (t instanceof MessagingException me && me.getNextException() != null && me.getNextException() != t) {
                if (isPermanent(me.getNextException())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A short reason for the Outbox: the exception chain's messages, no stack trace. */
    static String describe(Throwable error) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = error; t != null && out.length() < MAX_ERROR_LENGTH; t = t.getCause()) {
            String text = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            text = text.replaceAll("\\s+", " ").strip();
            if (!out.toString().contains(text)) {
                out.append(out.isEmpty() ? "" : " — ").append(text);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return out.length() > MAX_ERROR_LENGTH ? out.substring(0, MAX_ERROR_LENGTH - 1) + "…" : out.toString();
    }

    private InternetAddress from() {
        try {
            InternetAddress[] parsed = InternetAddress.parse(settings.from(), true);
            return parsed[0];
        } catch (AddressException e) {
            throw new IllegalStateException("parcours.mail.from is not a valid address: " + settings.from(), e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    // Lifecycle: one background loop, only when it has somewhere to send to.

    @Override
    public void start() {
        if (!settings.worker().enabled() || !transport.configured()) {
            log.info(
                    "Mail delivery worker not started ({}); queued mail stays in the Outbox",
                    transport.configured() ? "parcours.mail.worker.enabled=false" : "no spring.mail.host");
            return;
        }
        from(); // fail fast on a bad sender address
        running = true;
        int threads = settings.worker().senders();
        senders = threads > 1
                ? Executors.newFixedThreadPool(
                        threads,
                        Thread.ofPlatform().name("mail-sender-", 1).daemon().factory())
                : null;
        loop = Thread.ofPlatform().name("mail-worker").daemon().start(this::run);
    }

    private void run() {
        while (running) {
            try {
                if (deliverDue() == 0) {
                    wakeUp.tryAcquire(settings.worker().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // Database unreachable or similar: nothing is lost (rows stay QUEUED or their lease ends); retry later.
                log.error(
                        "Mail delivery pass failed; retrying in {}",
                        settings.worker().pollInterval(),
                        e);
                try {
                    Thread.sleep(settings.worker().pollInterval());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /**
     * Lets the current pass finish (no interrupt: an interrupted JDBC or file call could harm the embedded
     * database); a pass still running after 30 s leaves its rows to be taken again when their lease ends.
     */
    @Override
    public void stop() {
        running = false;
        wakeUp.release();
        Thread thread = loop;
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ExecutorService pool = senders;
        if (pool != null) {
            pool.shutdown();
        }
        loop = null;
        senders = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers queued mail: claims a batch of due messages (see {@link MailStore#claim}), sends it over one SMTP
 * connection, then marks each message SENT, or schedules its next attempt with back-off, or marks it
 * FAILED after the last attempt or a permanent refusal. A message claimed by a worker that died is taken again
 * once its lease ends, so a killed process resumes its queue on restart (a message may then be sent twice if
 * the process died between the server's "250 OK" and the SENT mark; its Message-ID stays the same).
 *
 * <p>Runs as {@code parcours.mail.worker.senders} background threads ("lanes"), each with its own SMTP connection
 * per batch, started only when an SMTP server is configured and {@code parcours.mail.worker.enabled} is true; they
 * wake up when a message is queued and otherwise look at the queue every {@code poll-interval}.
 */
@Component
class MailDeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailDeliveryWorker.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final MailStore store;
    private final MailTransport transport;
    private final MailSettings settings;
    private final Clock clock;
    private final Object signal = new Object();
    private long wakeUps; // guarded by signal
    private volatile boolean running;
    private final List<Thread> lanes = new ArrayList<>();

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
        return deliverDue(0);
    }

    /**
     * @param lane which slice of the due messages to try first: lane {@code n} skips {@code n} batches, so parallel
     *     lanes rarely compete for the same rows (and fall back to the oldest when their slice is empty)
     */
    int deliverDue(int lane) {
        long t0 = System.nanoTime();
        OffsetDateTime now = now();
        int batchSize = settings.worker().batchSize();
        List<Long> ids = List.of();
        // Another lane or node may take every candidate first; look again rather than wait for the next poll.
        for (int round = 0; round < 3 && ids.isEmpty(); round++) {
            List<Long> candidates = store.claimable(now, batchSize, round == 0 ? lane * batchSize : 0);
            if (candidates.isEmpty() && round == 0 && lane > 0) {
                candidates = store.claimable(now, batchSize, 0);
            }
            if (candidates.isEmpty()) {
                return 0;
            }
            ids = store.claim(candidates, now, now.plus(settings.worker().lease()));
        }
        if (ids.isEmpty()) {
            return 0;
        }
        long t1 = System.nanoTime();
        List<MailStore.Claimed> claimed = store.claimed(ids);
        Map<Long, List<MailStore.StoredAttachment>> attachments =
                store.attachments(ids).stream().collect(Collectors.groupingBy(MailStore.StoredAttachment::mailId));

        List<Long> sent = new ArrayList<>();
        Map<MailStore.Claimed, Exception> failed = new IdentityHashMap<>();
        Map<MimeMessage, MailStore.Claimed> composed = new LinkedHashMap<>(); // MimeMessage: identity equality
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
        long t2 = System.nanoTime();
        Map<MimeMessage, Exception> sendFailures = transport.send(new ArrayList<>(composed.keySet()));
        long t3 = System.nanoTime();
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
        if (log.isDebugEnabled()) {
            log.debug(
                    "Pass: {} claimed, {} sent, {} failed; claim {} ms, load+compose {} ms, send {} ms, mark {} ms",
                    ids.size(),
                    sent.size(),
                    failed.size(),
                    (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000,
                    (t3 - t2) / 1_000_000,
                    (System.nanoTime() - t3) / 1_000_000);
        }
        return ids.size();
    }

    /** Runs {@link #deliverDue()} until nothing is due (tests drive delivery with it). */
    int drain() {
        int total = 0;
        for (int n = deliverDue(); n > 0; n = deliverDue()) {
            total += n;
        }
        return total;
    }

    /** Called after a transaction that queued mail commits, so delivery starts at once. */
    void wakeUp() {
        synchronized (signal) {
            wakeUps++;
            signal.notifyAll();
        }
    }

    /** Waits for {@link #wakeUp()} or the poll interval, whichever comes first. */
    private void awaitWork(long seenWakeUps) throws InterruptedException {
        long deadline = System.nanoTime() + settings.worker().pollInterval().toNanos();
        synchronized (signal) {
            long left;
            while (running && wakeUps == seenWakeUps && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(signal, left);
            }
        }
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
        for (int lane = 0; lane < settings.worker().senders(); lane++) {
            int n = lane;
            lanes.add(Thread.ofPlatform().name("mail-sender-" + lane).daemon().start(() -> run(n)));
        }
    }

    /** One lane: claim, send over one SMTP connection, mark; wait when nothing is due. */
    private void run(int lane) {
        while (running) {
            long seen;
            synchronized (signal) {
                seen = wakeUps;
            }
            try {
                if (deliverDue(lane) == 0) {
                    awaitWork(seen);
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
                    awaitWork(seen - 1);
                    Thread.sleep(settings.worker().pollInterval());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /**
     * Lets the current passes finish (no interrupt: an interrupted JDBC or file call could harm the embedded
     * database); a pass still running after 30 s leaves its rows to be taken again when their lease ends.
     */
    @Override
    public void stop() {
        running = false;
        wakeUp();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (Thread lane : lanes) {
            try {
                lane.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        lanes.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

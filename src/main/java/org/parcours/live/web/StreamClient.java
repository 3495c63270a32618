package org.parcours.live.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.parcours.live.SeatKind;

/**
 * One browser's live stream: an async servlet response written with non-blocking IO. Frames (shared byte arrays)
 * wait in a bounded queue; a writer thread, or the container when the socket can take more, drains it in batches.
 * A client whose queue is full is too slow: it is dropped, its browser reconnects with Last-Event-ID and catches
 * up from the replay log, and nobody else waits for it.
 */
final class StreamClient implements WriteListener, AsyncListener {

    private static final AtomicLong IDS = new AtomicLong();
    /** At most this much is handed to Tomcat per write: what a slow socket cannot take stays in Tomcat's buffer. */
    private static final int BATCH_BYTES = 8 * 1024;

    final long id = IDS.incrementAndGet();
    final Variant variant;
    final Presence presence;

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final StreamWriters writers;
    private final int maxQueued;
    private final ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean drainWanted = new AtomicBoolean();
    /** Whether this client waits in its writer's queue already. */
    final AtomicBoolean scheduled = new AtomicBoolean();

    private final AtomicBoolean closed = new AtomicBoolean();
    private final ReentrantLock writeLock = new ReentrantLock();
    private boolean needsFlush;
    private final List<Consumer<StreamClient>> onClose = new CopyOnWriteArrayList<>();

    StreamClient(
            AsyncContext async,
            ServletOutputStream out,
            Variant variant,
            Presence presence,
            StreamWriters writers,
            int maxQueued) {
        this.async = async;
        this.out = out;
        this.variant = variant;
        this.presence = presence;
        this.writers = writers;
        this.maxQueued = maxQueued;
    }

    /**
     * Who is behind a stream, for presence counts and attendance: a participant (counted once however many tabs they
     * open, on any node), or a visitor recognised by their HTTP session on this node ({@code visitor}; null when
     * they have none, then each stream counts), or someone of the team (not counted). {@code seat} is the one their
     * registration gives them, if any.
     */
    record Presence(
            @Nullable Long participantId,
            Kind kind,
            @Nullable String visitor,
            @Nullable SeatKind seat) {
        enum Kind {
            CONFERENCE,
            STREAM,
            TEAM
        }
    }

    void onClose(Consumer<StreamClient> callback) {
        onClose.add(callback);
    }

    boolean closed() {
        return closed.get();
    }

    /** Queues a frame; false (and the client is dropped) when it is too far behind or gone. */
    boolean send(byte[] frame) {
        if (closed.get()) {
            return false;
        }
        if (queued.incrementAndGet() > maxQueued) {
            close();
            return false;
        }
        queue.add(frame);
        if (scheduled.compareAndSet(false, true)) {
            writers.schedule(this);
        }
        return true;
    }

    /**
     * Writes what the socket takes now. Never blocks: when another thread is draining, it is told to go round
     * once more instead (the flag is set before trying the lock, and checked by the holder after unlocking).
     */
    void drain() {
        do {
            drainWanted.set(true);
            if (!writeLock.tryLock()) {
                return;
            }
            try {
                while (drainWanted.getAndSet(false)) {
                    writeAvailable();
                }
            } finally {
                writeLock.unlock();
            }
        } while (drainWanted.get() && !closed.get());
    }

    private void writeAvailable() {
        try {
            while (!closed.get() && out.isReady()) {
                byte[] batch = nextBatch();
                if (batch == null) {
                    if (needsFlush) {
                        needsFlush = false;
                        out.flush();
                        continue;
                    }
                    return;
                }
                out.write(batch);
                needsFlush = true;
            }
        } catch (IOException | IllegalStateException e) {
            close();
        }
    }

    private byte @Nullable [] nextBatch() {
        byte[] first = queue.poll();
        if (first == null) {
            return null;
        }
        queued.decrementAndGet();
        byte[] next = queue.peek();
        if (next == null || first.length + next.length > BATCH_BYTES) {
            return first;
        }
        ByteArrayOutputStream batch = new ByteArrayOutputStream(Math.min(BATCH_BYTES, first.length * 4));
        batch.writeBytes(first);
        while ((next = queue.peek()) != null && batch.size() + next.length <= BATCH_BYTES) {
            batch.writeBytes(queue.poll());
            queued.decrementAndGet();
        }
        return batch.toByteArray();
    }

    /** Ends the stream (the browser reconnects) and forgets what was waiting. Safe to call more than once. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        queue.clear();
        for (Consumer<StreamClient> callback : onClose) {
            callback.accept(this);
        }
        try {
            async.complete();
        } catch (IllegalStateException alreadyDone) {
            // completed by the container (client gone, timeout)
        }
    }

    @Override
    public void onWritePossible() {
        drain();
    }

    @Override
    public void onError(Throwable error) {
        close();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        close();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        close();
    }

    @Override
    public void onError(AsyncEvent event) {
        close();
        // completing here, inside the container's error callback, is what stops its error dispatch to /error
        // (which would try to render an error page on this half-written event stream)
        try {
            async.complete();
        } catch (IllegalStateException alreadyDone) {
            // completed already
        }
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }
}

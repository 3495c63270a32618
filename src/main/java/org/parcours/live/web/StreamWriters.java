package org.parcours.live.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few platform threads (one per processor by default) that write queued frames to streams. Each client always
 * goes to the same thread; a client is queued at most once however many frames wait, so a burst of events becomes
 * one write per client.
 */
final class StreamWriters implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamWriters.class);

    private final List<LinkedBlockingQueue<StreamClient>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    StreamWriters(int count) {
        for (int i = 0; i < count; i++) {
            LinkedBlockingQueue<StreamClient> queue = new LinkedBlockingQueue<>();
            queues.add(queue);
            Thread thread = new Thread(() -> run(queue), "live-writer-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    void schedule(StreamClient client) {
        queues.get((int) (client.id % queues.size())).add(client);
    }

    private static void run(LinkedBlockingQueue<StreamClient> queue) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                StreamClient client = queue.take();
                client.scheduled.set(false);
                client.drain();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Live stream writer failed on a client", e);
            }
        }
    }

    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
    }
}

package org.parcours.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-node bus: listeners are called on one dispatcher thread, in publishing order, so a request thread never
 * waits for the fan-out to thousands of streams.
 */
final class MemoryLiveBus implements LiveBus, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MemoryLiveBus.class);

    private final List<Consumer<LiveEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "live-bus");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void publish(LiveEvent event) {
        dispatcher.execute(() -> deliver(event));
    }

    void deliver(LiveEvent event) {
        for (Consumer<LiveEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("Live event {} of session {} not delivered to a listener", event.seq(), event.sessionId(), e);
            }
        }
    }

    @Override
    public void subscribe(Consumer<LiveEvent> listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        dispatcher.shutdownNow();
    }
}

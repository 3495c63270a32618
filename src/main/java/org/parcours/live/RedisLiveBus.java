package org.parcours.live;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus for several nodes: every node publishes committed events to one Redis pub/sub channel and hears all of
 * them, its own included. Pub/sub keeps nothing: a message lost while a node is disconnected is recovered by that
 * node's hubs from the event log (they notice the gap in the numbers), so Redis only has to be fast, not durable.
 * Lettuce reconnects and subscribes again by itself after an outage.
 */
final class RedisLiveBus implements LiveBus, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisLiveBus.class);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> publisher;
    private final StatefulRedisPubSubConnection<String, String> subscriber;
    private final String channel;
    private final List<Consumer<LiveEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "live-bus-redis");
        thread.setDaemon(true);
        return thread;
    });

    private RedisLiveBus(RedisClient client, String channel) {
        this.client = client;
        this.channel = channel;
        this.publisher = client.connect();
        this.subscriber = client.connectPubSub();
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String message) {
                // Lettuce calls this on its I/O thread: hand over at once
                dispatcher.execute(() -> deliver(message));
            }
        });
        subscriber.sync().subscribe(channel);
    }

    /** Connects to {@code url} and subscribes to {@code channel}; fails at start-up when Redis cannot be reached. */
    static RedisLiveBus connect(String url, String channel) {
        RedisClient client = RedisClient.create(url);
        try {
            return new RedisLiveBus(client, channel);
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    @Override
    public void publish(LiveEvent event) {
        publisher.async().publish(channel, LiveJson.write(event)).exceptionally(error -> {
            log.warn(
                    "Live event {} of session {} not published to Redis; other nodes will read it from the log",
                    event.seq(),
                    event.sessionId(),
                    error);
            return 0L;
        });
    }

    private void deliver(String message) {
        LiveEvent event;
        try {
            event = LiveJson.read(message, LiveEvent.class);
        } catch (RuntimeException e) {
            log.warn("Ignored a malformed message on {}", channel);
            return;
        }
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
        subscriber.close();
        publisher.close();
        client.shutdown();
    }
}

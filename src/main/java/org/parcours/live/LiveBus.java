package org.parcours.live;

import java.util.function.Consumer;

/**
 * Carries committed room events to every node's live streams. {@link MemoryLiveBus} serves one node (the
 * default); {@link RedisLiveBus} (with {@code parcours.live.bus=redis}) lets several nodes behind a proxy show the
 * same rooms. A bus may deliver late or out of order; the hubs put events back in order and fill gaps from the log.
 */
public interface LiveBus {

    void publish(LiveEvent event);

    /** Registers a listener for every event published by any node, this one included. */
    void subscribe(Consumer<LiveEvent> listener);
}

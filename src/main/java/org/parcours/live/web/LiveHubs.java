package org.parcours.live.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.parcours.live.LiveBus;
import org.parcours.live.LiveEvent;
import org.parcours.live.LiveEvents;
import org.parcours.live.LiveJson;
import org.parcours.live.LiveSettings;
import org.parcours.live.PresenceCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The rooms that have live streams on this node. Listens to the bus, hands each event to its room's hub, fills
 * gaps in what the bus delivered from the event log, sends heartbeats and forgets rooms nobody watches.
 */
@Component
class LiveHubs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveHubs.class);
    /** How long an out-of-order event waits for the ones before it before they are read from the log. */
    static final long GAP_PATIENCE_MILLIS = 1_000;

    private static final long IDLE_HUB_MILLIS = 10 * 60_000;

    /** How often each node reports its presence counts, and how long a report counts. */
    static final long PRESENCE_MILLIS = 5_000;

    private static final long PRESENCE_TTL_MILLIS = 3 * PRESENCE_MILLIS;

    private final Map<Long, RoomHub> hubs = new ConcurrentHashMap<>();
    /** The latest report of every node, per room. */
    private final Map<Long, Map<String, PresenceReport>> presence = new ConcurrentHashMap<>();

    private final String node = UUID.randomUUID().toString();
    private final LiveEvents events;
    private final FrameRenderer renderer;
    private final LiveSettings settings;
    private final Clock clock;
    private final StreamWriters writers;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "live-timer");
        thread.setDaemon(true);
        return thread;
    });

    LiveHubs(LiveBus bus, LiveEvents events, FrameRenderer renderer, LiveSettings settings, Clock clock) {
        this.events = events;
        this.renderer = renderer;
        this.settings = settings;
        this.clock = clock;
        this.writers = new StreamWriters(settings.writerThreads());
        bus.subscribe(this::onEvent);
        long heartbeat = settings.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::housekeeping, 500, 500, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::reportPresence, 1_000, PRESENCE_MILLIS, TimeUnit.MILLISECONDS);
    }

    StreamWriters writers() {
        return writers;
    }

    /** The hub of a room, loaded from the event log when this node has none yet. */
    RoomHub hub(long sessionId) {
        return hubs.computeIfAbsent(sessionId, id -> {
            long last = events.lastSeq(id);
            int replay = settings.replayEvents();
            List<LiveEvent> recent = events.after(id, Math.max(0, last - replay), replay);
            return new RoomHub(id, last, recent, renderer, replay, clock.millis());
        });
    }

    /**
     * Subscribes a client that saw the room up to {@code after}. When the client knows of a later event than this
     * node has heard of (its page came from a faster node), the node first catches up from the log.
     */
    void subscribe(RoomHub hub, StreamClient client, long after) {
        if (after > hub.lastSeq()) {
            catchUp(hub, after);
        }
        client.onClose(closed -> hub.unsubscribe(closed, clock.millis()));
        hub.subscribe(client, after);
        if (hubs.get(hub.sessionId()) != hub) {
            // the hub was retired as idle in between: the browser reconnects to the new one
            client.close();
        }
    }

    private void onEvent(LiveEvent event) {
        if (LiveEvent.PRESENCE.equals(event.kind())) {
            onPresence(LiveJson.read(event.payload(), PresenceReport.class));
            return;
        }
        RoomHub hub = hubs.get(event.sessionId());
        if (hub != null) {
            hub.accept(event, clock.millis());
        }
    }

    private void catchUp(RoomHub hub, long upTo) {
        for (LiveEvent event :
                events.after(hub.sessionId(), hub.lastSeq(), (int) Math.min(upTo - hub.lastSeq(), 10_000))) {
            hub.accept(event, clock.millis());
        }
    }

    private void housekeeping() {
        long now = clock.millis();
        for (RoomHub hub : hubs.values()) {
            try {
                long[] gap = hub.gapOlderThan(now, GAP_PATIENCE_MILLIS);
                if (gap != null) {
                    catchUp(hub, gap[1] - 1);
                    if (hub.gapOlderThan(now, GAP_PATIENCE_MILLIS) != null) {
                        log.warn(
                                "Live events {}..{} of session {} are missing from the log; skipped",
                                gap[0] + 1,
                                gap[1] - 1,
                                hub.sessionId());
                        hub.skipGap();
                    }
                }
                if (hub.size() == 0 && now - hub.idleSince() > IDLE_HUB_MILLIS) {
                    hubs.remove(hub.sessionId(), hub);
                }
            } catch (RuntimeException e) {
                log.warn("Live room {}: housekeeping failed", hub.sessionId(), e);
            }
        }
    }

    /** Each node tells the others who it has in each room (over the bus: one node hears itself). */
    private void reportPresence() {
        long now = clock.millis();
        for (RoomHub hub : hubs.values()) {
            try {
                if (hub.size() > 0 || presence.containsKey(hub.sessionId())) {
                    events.publishTransient(
                            hub.sessionId(),
                            LiveEvent.PRESENCE,
                            PresenceReport.of(node, hub.sessionId(), hub.clients(), now));
                }
            } catch (RuntimeException e) {
                log.warn("Live room {}: presence not reported", hub.sessionId(), e);
            }
        }
    }

    /** Keeps the fresh reports of all nodes and shows the totals to this node's organisers. */
    private void onPresence(PresenceReport report) {
        Map<String, PresenceReport> nodes =
                presence.computeIfAbsent(report.sessionId(), id -> new ConcurrentHashMap<>());
        nodes.put(report.node(), report);
        long now = clock.millis();
        nodes.values().removeIf(r -> now - r.at() > PRESENCE_TTL_MILLIS);
        if (nodes.isEmpty()) {
            presence.remove(report.sessionId());
        }
        RoomHub hub = hubs.get(report.sessionId());
        if (hub != null && report.node().equals(node)) {
            hub.accept(
                    new LiveEvent(report.sessionId(), 0, LiveEvent.PRESENCE, LiveJson.write(total(report.sessionId()))),
                    now);
        }
    }

    /** The people in a room, over the nodes that reported lately. */
    PresenceCounts total(long sessionId) {
        return PresenceReport.total(
                sessionId, presence.getOrDefault(sessionId, Map.of()).values(), clock.millis());
    }

    private void heartbeat() {
        hubs.values().forEach(RoomHub::heartbeat);
    }

    int connections() {
        return hubs.values().stream().mapToInt(RoomHub::size).sum();
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        hubs.values().forEach(RoomHub::closeAll);
        writers.close();
    }
}

package org.parcours.live.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.parcours.live.LiveEvent;

/**
 * The live streams of one room on this node. Events come from the bus, possibly late or out of order; the hub
 * applies them strictly in sequence (holding early ones until the gap is filled, from the log if need be), keeps
 * the last ones for reconnecting clients, renders each event once per {@link Variant} and queues the same bytes
 * to every subscriber of that variant.
 */
final class RoomHub {

    private final long sessionId;
    private final FrameRenderer renderer;
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Entry> ring = new ArrayDeque<>();
    private final TreeMap<Long, LiveEvent> early = new TreeMap<>();
    private final Map<Variant, Set<StreamClient>> clients = new ConcurrentHashMap<>();
    /** Counts subscriptions and departures, so the broadcast's array copy of the clients knows it is stale. */
    private final AtomicLong changes = new AtomicLong();

    private volatile Snapshot snapshot = new Snapshot(-1, List.of());
    private long lastSeq;
    private long earlySince;
    private volatile long idleSince;

    /** An event with its frames, rendered on first need for each variant. */
    private record Entry(LiveEvent event, Map<Variant, byte[]> frames) {}

    /** The clients as arrays per variant: a broadcast walks arrays, not a concurrent set, for each event. */
    private record Snapshot(long version, List<Group> groups) {}

    private record Group(Variant variant, StreamClient[] clients) {}

    RoomHub(long sessionId, long lastSeq, List<LiveEvent> recent, FrameRenderer renderer, int capacity, long now) {
        this.sessionId = sessionId;
        this.renderer = renderer;
        this.capacity = capacity;
        this.lastSeq = lastSeq;
        this.idleSince = now;
        for (LiveEvent event : recent) {
            remember(event);
        }
    }

    long sessionId() {
        return sessionId;
    }

    long lastSeq() {
        lock.lock();
        try {
            return lastSeq;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds a client that has seen the events up to {@code after}: it gets what it missed from the replay log, or a
     * reset (reload everything) when that is no longer here or {@code after} is not an id of this room.
     */
    void subscribe(StreamClient client, long after) {
        lock.lock();
        try {
            long oldest =
                    ring.isEmpty() ? lastSeq + 1 : ring.peekFirst().event().seq();
            if (after < 0 || after > lastSeq || after < oldest - 1) {
                client.send(SseFrames.event(lastSeq, FrameRenderer.RESET, "reset"));
            } else {
                for (Entry entry : ring) {
                    if (entry.event().seq() > after) {
                        byte[] frame = frame(entry, client.variant);
                        if (frame != null) {
                            client.send(frame);
                        }
                    }
                }
            }
            clients.computeIfAbsent(client.variant, v -> ConcurrentHashMap.newKeySet())
                    .add(client);
            changes.incrementAndGet();
        } finally {
            lock.unlock();
        }
    }

    void unsubscribe(StreamClient client, long now) {
        Set<StreamClient> set = clients.get(client.variant);
        if (set != null && set.remove(client)) {
            changes.incrementAndGet();
            if (size() == 0) {
                idleSince = now;
            }
        }
    }

    /** Takes an event from the bus; returns whether the hub now waits for missing earlier ones. */
    boolean accept(LiveEvent event, long now) {
        lock.lock();
        try {
            if (event.transientMessage()) {
                broadcast(new Entry(event, new ConcurrentHashMap<>()));
                return !early.isEmpty();
            }
            if (event.seq() <= lastSeq) {
                return !early.isEmpty();
            }
            if (event.seq() > lastSeq + 1) {
                if (early.isEmpty()) {
                    earlySince = now;
                }
                early.put(event.seq(), event);
                return true;
            }
            apply(event);
            while (!early.isEmpty() && early.firstKey() == lastSeq + 1) {
                apply(early.pollFirstEntry().getValue());
            }
            early.headMap(lastSeq, true).clear();
            if (!early.isEmpty()) {
                earlySince = now;
            }
            return !early.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** The range of missing events when the wait for them has lasted {@code patience} ms; null otherwise. */
    long @Nullable [] gapOlderThan(long now, long patience) {
        lock.lock();
        try {
            if (early.isEmpty() || now - earlySince < patience) {
                return null;
            }
            return new long[] {lastSeq, early.firstKey()};
        } finally {
            lock.unlock();
        }
    }

    /** Gives up on missing events that the log does not have either (never expected; keeps the room moving). */
    void skipGap() {
        lock.lock();
        try {
            if (early.isEmpty()) {
                return;
            }
            lastSeq = early.firstKey() - 1;
            while (!early.isEmpty() && early.firstKey() == lastSeq + 1) {
                apply(early.pollFirstEntry().getValue());
            }
        } finally {
            lock.unlock();
        }
    }

    private void apply(LiveEvent event) {
        lastSeq = event.seq();
        Entry entry = remember(event);
        broadcast(entry);
    }

    private Entry remember(LiveEvent event) {
        Entry entry = new Entry(event, new ConcurrentHashMap<>());
        ring.addLast(entry);
        while (ring.size() > capacity) {
            ring.removeFirst();
        }
        return entry;
    }

    private void broadcast(Entry entry) {
        for (Group group : groups()) {
            byte[] frame = frame(entry, group.variant());
            if (frame == null) {
                continue;
            }
            for (StreamClient client : group.clients()) {
                client.send(frame);
            }
        }
    }

    /** The current clients per variant, copied again only after someone came or went. */
    private List<Group> groups() {
        Snapshot current = snapshot;
        long version = changes.get();
        if (current.version() == version) {
            return current.groups();
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<Variant, Set<StreamClient>> group : clients.entrySet()) {
            StreamClient[] members = group.getValue().toArray(StreamClient[]::new);
            if (members.length > 0) {
                groups.add(new Group(group.getKey(), members));
            }
        }
        // built from a state at least as new as the version read before: at worst rebuilt once more next time
        snapshot = new Snapshot(version, List.copyOf(groups));
        return groups;
    }

    private byte @Nullable [] frame(Entry entry, Variant variant) {
        byte[] frame = entry.frames().get(variant);
        if (frame == null) {
            frame = renderer.render(entry.event(), variant);
            entry.frames().put(variant, frame);
        }
        return frame.length == 0 ? null : frame;
    }

    void heartbeat() {
        for (Group group : groups()) {
            for (StreamClient client : group.clients()) {
                client.send(SseFrames.HEARTBEAT);
            }
        }
    }

    int size() {
        int size = 0;
        for (Set<StreamClient> set : clients.values()) {
            size += set.size();
        }
        return size;
    }

    long idleSince() {
        return idleSince;
    }

    Collection<StreamClient> clients() {
        List<StreamClient> all = new ArrayList<>();
        clients.values().forEach(all::addAll);
        return all;
    }

    /** Ends every stream (shutdown); browsers reconnect to another node or after the restart. */
    void closeAll() {
        clients().forEach(StreamClient::close);
    }
}

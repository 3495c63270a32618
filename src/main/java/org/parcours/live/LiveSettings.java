package org.parcours.live;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the live room ({@code parcours.live.*}). Room defaults apply to rooms the organiser has not set
 * up; the transport values bound memory per node (see docs/live-room.md).
 *
 * @param bus {@code memory} (one node, the default) or {@code redis} (several nodes share rooms through Redis)
 * @param redisUrl Redis to use when {@code bus=redis}, e.g. {@code redis://127.0.0.1:6379}
 * @param redisChannel the pub/sub channel all nodes of one installation share
 * @param opensBefore how long before the start a room opens by default
 * @param closesAfter how long after the end a room stays open by default
 * @param guestsAllowed whether new rooms let visitors who are not signed in take part with a nickname
 * @param heartbeat how often an idle stream gets a comment line, so proxies keep it open
 * @param replayEvents events each node keeps per room for reconnecting clients; older ones mean a resync
 * @param clientBuffer frames a client may have waiting; a client further behind is dropped and resyncs
 * @param writers threads writing to streams (0: one per processor)
 * @param streamLifetime a stream is ended after this long and the browser reconnects (rights are checked again)
 * @param presenceGrace a participant whose last stream ended comes back within this without starting a new stay
 *     (reconnections, a reloaded page); their departure is recorded once it has passed
 * @param pruneAfter the replay log of a room that has been closed this long is deleted (what the room kept stays)
 * @param pruneInterval how often the replay logs of closed rooms are pruned
 * @param hlsHosts hosts whose HLS streams ({@code https://host/….m3u8}) the live page may play (each is added to
 *     the Content-Security-Policy {@code media-src} and {@code connect-src}); other HLS addresses are shown as links
 */
@ConfigurationProperties("parcours.live")
public record LiveSettings(
        @DefaultValue("memory") String bus,
        @DefaultValue("redis://127.0.0.1:6379") String redisUrl,
        @DefaultValue("parcours:live") String redisChannel,
        @DefaultValue("30m") Duration opensBefore,
        @DefaultValue("60m") Duration closesAfter,
        @DefaultValue("false") boolean guestsAllowed,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("1024") int replayEvents,
        @DefaultValue("256") int clientBuffer,
        @DefaultValue("0") int writers,
        @DefaultValue("30m") Duration streamLifetime,
        @DefaultValue("60s") Duration presenceGrace,
        @DefaultValue("1d") Duration pruneAfter,
        @DefaultValue("1h") Duration pruneInterval,
        @DefaultValue List<String> hlsHosts) {

    public LiveSettings {
        hlsHosts = hlsHosts == null
                ? List.of()
                : hlsHosts.stream()
                        .map(String::strip)
                        .filter(h -> !h.isEmpty())
                        .map(h -> h.toLowerCase(Locale.ROOT))
                        .toList();
    }

    /** The sources the HLS hosts add to the Content-Security-Policy, each with a leading space ("" when none). */
    public String hlsSources() {
        return hlsHosts.stream().map(h -> " https://" + h).reduce("", String::concat);
    }

    public int writerThreads() {
        return writers > 0 ? writers : Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}

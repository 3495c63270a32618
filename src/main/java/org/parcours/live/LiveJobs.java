package org.parcours.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The live room's background work on every node: recording the departures of participants whose grace period has
 * passed (this node's own stays only), and pruning the replay logs of rooms closed long ago (an idempotent delete,
 * harmless when several nodes run it). Nothing here needs a lock across nodes.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LiveJobs {

    private static final Logger log = LoggerFactory.getLogger(LiveJobs.class);

    private final LivePresence presence;
    private final LiveEventPruning pruning;

    LiveJobs(LivePresence presence, LiveEventPruning pruning) {
        this.presence = presence;
        this.pruning = pruning;
    }

    @Scheduled(initialDelay = 5_000, fixedDelay = 5_000)
    void recordDepartures() {
        presence.recordDepartures();
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "${parcours.live.prune-interval:1h}")
    void pruneEventLogs() {
        int deleted = pruning.prune();
        if (deleted > 0) {
            log.info("Live rooms: {} replay events of closed rooms pruned", deleted);
        }
    }
}

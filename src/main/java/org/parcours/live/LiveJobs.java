package org.parcours.live;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The live room's background work on every node: recording the departures of participants whose grace period has
 * passed (this node's own stays only). Nothing here needs a lock across nodes.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LiveJobs {

    private final LivePresence presence;

    LiveJobs(LivePresence presence) {
        this.presence = presence;
    }

    @Scheduled(initialDelay = 5_000, fixedDelay = 5_000)
    void recordDepartures() {
        presence.recordDepartures();
    }
}

package org.parcours.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.springframework.stereotype.Component;

/**
 * Whether a session belongs to a published cycle, remembered for a few seconds: a replay is fetched as hundreds
 * of range requests, and each must not reload the session aggregate. Unpublishing a cycle therefore takes up to
 * {@link #TTL} to close its files.
 */
@Component
class PublishedSessions {

    static final Duration TTL = Duration.ofSeconds(10);

    private final CycleService cycles;
    private final Cache<Long, Boolean> published =
            Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000).build();

    PublishedSessions(CycleService cycles) {
        this.cycles = cycles;
    }

    boolean isPublished(long sessionId) {
        return published.get(
                sessionId,
                id -> cycles.session(id)
                        .flatMap(s -> cycles.cycle(s.cycleId()))
                        .map(Cycle::published)
                        .orElse(false));
    }
}

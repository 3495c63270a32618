package org.parcours.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Token-bucket rate limits for actions that cost us mail or seats (sign-in links, sign-up, registration), per
 * client IP and per e-mail address. A family is configured as
 * {@code parcours.rate-limit.rules.<family>.capacity} actions per {@code ...period}; unknown families use
 * {@link RateLimitSettings#DEFAULT_RULE}. Buckets live in memory on each node, bounded and evicted when idle.
 */
@Component
public class RateLimiter {

    private final RateLimitSettings settings;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(2))
            .build();

    RateLimiter(RateLimitSettings settings) {
        this.settings = settings;
    }

    /**
     * Takes one action of {@code family} for each key (e.g. "ip:203.0.113.7", "email:ana@example.org"); false when
     * any of them is over its limit. Blank keys are skipped.
     */
    public boolean allow(String family, String... keys) {
        if (!settings.enabled()) {
            return true;
        }
        RateLimitSettings.Rule rule = settings.rules().getOrDefault(family, RateLimitSettings.DEFAULT_RULE);
        boolean allowed = true;
        for (String key : keys) {
            if (key.isBlank()) {
                continue;
            }
            Bucket bucket = buckets.get(family + '|' + key, k -> newBucket(rule));
            allowed &= bucket.tryConsume(1);
        }
        return allowed;
    }

    private static Bucket newBucket(RateLimitSettings.Rule rule) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(rule.capacity())
                        .refillGreedy(rule.capacity(), rule.period())
                        .build())
                .build();
    }

    /** For tests and the admin: forget every bucket. */
    public void reset() {
        buckets.invalidateAll();
    }

    Map<String, RateLimitSettings.Rule> rules() {
        return settings.rules();
    }
}

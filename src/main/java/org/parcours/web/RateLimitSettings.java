package org.parcours.web;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Configuration of {@link RateLimiter}: {@code parcours.rate-limit.*}. */
@ConfigurationProperties("parcours.rate-limit")
record RateLimitSettings(@DefaultValue("true") boolean enabled, Map<String, Rule> rules) {

    static final Rule DEFAULT_RULE = new Rule(20, Duration.ofHours(1));

    RateLimitSettings {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
    }

    /** {@code capacity} actions per {@code period}, refilled gradually. */
    record Rule(int capacity, Duration period) {}
}

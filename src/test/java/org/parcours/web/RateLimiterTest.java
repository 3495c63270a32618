package org.parcours.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final RateLimiter limiter = new RateLimiter(
            new RateLimitSettings(true, Map.of("sign-in", new RateLimitSettings.Rule(3, Duration.ofHours(1)))));

    @Test
    void allowsUpToTheCapacityThenRefuses() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.allow("sign-in", "ip:203.0.113.7")).isTrue();
        }
        assertThat(limiter.allow("sign-in", "ip:203.0.113.7")).isFalse();
    }

    @Test
    void countsEachKeySeparately() {
        for (int i = 0; i < 3; i++) {
            limiter.allow("sign-in", "ip:203.0.113.7");
        }
        assertThat(limiter.allow("sign-in", "ip:198.51.100.1")).isTrue();
    }

    @Test
    void refusesWhenAnyKeyIsExhausted() {
        for (int i = 0; i < 3; i++) {
            limiter.allow("sign-in", "email:ana@example.org");
        }
        assertThat(limiter.allow("sign-in", "ip:198.51.100.9", "email:ana@example.org"))
                .isFalse();
    }

    @Test
    void unknownFamiliesUseTheDefaultRule() {
        for (int i = 0; i < RateLimitSettings.DEFAULT_RULE.capacity(); i++) {
            assertThat(limiter.allow("other", "ip:x")).isTrue();
        }
        assertThat(limiter.allow("other", "ip:x")).isFalse();
    }

    @Test
    void canBeSwitchedOff() {
        RateLimiter off = new RateLimiter(new RateLimitSettings(false, Map.of()));
        for (int i = 0; i < 100; i++) {
            assertThat(off.allow("sign-in", "ip:x")).isTrue();
        }
    }
}

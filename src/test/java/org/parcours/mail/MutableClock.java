package org.parcours.mail;

import java.time.Instant;
import org.parcours.testing.ManualClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock the test moves by hand, to drive back-off and leases without waiting. */
final class MutableClock extends ManualClock {

    /**
     * Replaces the application clock. It starts far in the future, so that workers of other test contexts sharing
     * a PostgreSQL database never find the messages of the test that uses it due.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2090-01-01T08:00:00Z"));
        }
    }

    MutableClock(Instant start) {
        super(start);
    }
}

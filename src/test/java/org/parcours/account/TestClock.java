package org.parcours.account;

import java.time.Instant;
import org.parcours.testing.ManualClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock the test moves by hand, to expire sign-in links without waiting. */
final class TestClock extends ManualClock {

    /**
     * Replaces the application clock. It starts in 2080: mail queued by these tests is never due for the delivery
     * workers of other test contexts sharing a PostgreSQL database (on the real clock), and mail of the mail tests
     * (2090) is never due for ours.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(Instant.parse("2080-01-01T08:00:00Z"));
        }
    }

    TestClock(Instant start) {
        super(start);
    }
}

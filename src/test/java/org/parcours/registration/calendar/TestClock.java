package org.parcours.registration.calendar;

import java.time.Instant;
import org.parcours.testing.ManualClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock the test sets by hand. It starts in 2091, far from the real clock and from the other tests' clocks, so
 * that jobs of other test contexts sharing a PostgreSQL database never see these sessions as due, and the other
 * way round.
 */
public final class TestClock extends ManualClock {

    public static final Instant START = Instant.parse("2091-03-10T08:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(START);
        }
    }

    TestClock(Instant start) {
        super(start);
    }
}

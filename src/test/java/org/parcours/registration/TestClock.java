package org.parcours.registration;

import java.time.Instant;
import org.parcours.testing.ManualClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock the test moves by hand (to reach the seat freeze without waiting). Starts at the real now. */
public final class TestClock extends ManualClock {

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(Instant.now());
        }
    }

    TestClock(Instant start) {
        super(start);
    }
}

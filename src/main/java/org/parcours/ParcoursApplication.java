package org.parcours;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Parcours: one self-hosted place for cycles of live webinars. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ParcoursApplication {

    public static void main(String[] args) {
        SpringApplication.run(ParcoursApplication.class, args);
    }

    /** Every "now" in Parcours comes from this clock, so schedules and expiries are testable. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

package org.parcours.media;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Media settings, and a sweep at start-up of what an interrupted upload or a deleted session left in the file
 * directory (only files older than an hour, so another node's upload in progress is never touched).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaSettings.class)
class MediaConfig {

    private static final Logger log = LoggerFactory.getLogger(MediaConfig.class);

    private final MediaStore store;
    private final MediaRecords records;
    private final Clock clock;

    MediaConfig(MediaStore store, MediaRecords records, Clock clock) {
        this.store = store;
        this.records = records;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sweep() {
        int removed = store.sweep(records::keyExists, Duration.ofHours(1), clock.instant());
        if (removed > 0) {
            log.info("Media: removed {} leftover file(s) from {}", removed, store.root());
        }
    }
}

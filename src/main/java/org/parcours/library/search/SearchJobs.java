package org.parcours.library.search;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * When the whole index is rebuilt: at start if it was missing, unreadable, of an older format or left unfinished,
 * and on {@code parcours.search.rebuild-cron} if set (off by default).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SearchJobs {

    private final SearchService search;

    SearchJobs(SearchService search) {
        this.search = search;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfNeeded() {
        if (search.rebuildNeeded()) {
            search.rebuild();
        }
    }

    @Scheduled(cron = "${parcours.search.rebuild-cron:-}")
    void rebuildOnSchedule() {
        search.rebuild();
    }
}

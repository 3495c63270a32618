package org.parcours.library.search;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Search configuration ({@code parcours.search.*}, see docs/library-search.md).
 *
 * @param directory where this node keeps its index ({@code PARCOURS_SEARCH_DIR}, default {@code ./data/search}); never
 *     shared between nodes
 * @param rebuildCron when to rebuild the whole index (a Spring cron expression, {@code PARCOURS_SEARCH_REBUILD_CRON});
 *     {@code -} (the default) never: changes are indexed as they happen and the index is rebuilt at start when needed
 * @param pageSize results per page
 */
@ConfigurationProperties("parcours.search")
public record SearchSettings(Path directory, String rebuildCron, int pageSize) {

    public SearchSettings {
        directory = directory == null ? Path.of("data", "search") : directory;
        rebuildCron = rebuildCron == null || rebuildCron.isBlank() ? "-" : rebuildCron;
        pageSize = pageSize <= 0 ? 20 : Math.min(pageSize, 100);
    }
}

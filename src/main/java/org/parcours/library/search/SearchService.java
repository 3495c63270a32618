package org.parcours.library.search;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps this node's search index in step with the {@link SearchSource}s and answers searches.
 *
 * <p>Every change is applied by one background worker, in order, off the request thread: a {@link
 * SearchContentChanged} (handled once its transaction has committed) asks the named source again for that cycle's
 * documents and replaces them. A change of the {@code cycle} source re-reads <em>every</em> source of the cycle,
 * because publishing, unpublishing or renaming a cycle changes what all of them may show and where they link. A
 * change already waiting in the queue is not queued twice (the worker reads the latest data anyway). A full
 * rebuild asks every source for every cycle, then drops the documents of cycles and sources that no longer
 * exist.
 *
 * <p>Each node keeps its own index and hears only the changes made on it: see docs/library-search.md for the
 * multi-node remedy ({@code parcours.search.rebuild-cron}).
 */
@Service
public class SearchService {

    /** The longest query searched; longer input is cut. */
    public static final int MAX_QUERY_LENGTH = SearchQueries.MAX_LENGTH;

    /** The last page of results that can be asked for. */
    public static final int MAX_PAGE = SearchPages.MAX_PAGE;

    /** The source whose changes concern every source of a cycle. */
    static final String CYCLE_SOURCE = "cycle";

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);
    private static final String EVERYTHING = "*";

    private final Map<String, SearchSource> sources;
    private final CycleService cycles;
    private final SearchSettings settings;
    private final SearchIndex index;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("search-index").daemon().factory());
    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    SearchService(List<SearchSource> sources, CycleService cycles, SearchSettings settings) {
        this.sources = byName(sources);
        this.cycles = cycles;
        this.settings = settings;
        try {
            this.index = SearchIndex.open(settings.directory());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index in " + settings.directory(), e);
        }
    }

    /** What would be searched for {@code typed}: spaces collapsed, trimmed, cut at {@link #MAX_QUERY_LENGTH}. */
    public static String clean(String typed) {
        return SearchQueries.clean(typed);
    }

    /** Page {@code page} (from 1) of what matches the visitor's {@code text}, only {@code kind} if given. */
    public SearchResults search(String text, @Nullable String kind, int page) {
        try {
            return index.search(text, kind, page, settings.pageSize());
        } catch (IOException e) {
            log.error("Search failed for a query of {} characters", text.length(), e);
            return SearchResults.none(SearchQueries.clean(text), false);
        }
    }

    /** Queues a rebuild of the whole index from every source (at start when needed, on the rebuild schedule). */
    public void rebuild() {
        queue(EVERYTHING, this::synchroniseAll);
    }

    /** Waits until every change queued so far is searchable: for tests and benchmarks. */
    public void awaitIndexing() {
        try {
            worker.submit(() -> {}).get(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The search index worker did not finish", e);
        }
    }

    /** Runs after the change's transaction committed, or at once when it was published outside of one. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(SearchContentChanged change) {
        long cycleId = change.cycleId();
        if (CYCLE_SOURCE.equals(change.source())) {
            queue(EVERYTHING + "/" + cycleId, () -> {
                for (SearchSource source : sources.values()) {
                    reindex(source, cycleId);
                }
            });
        } else if (sources.containsKey(change.source())) {
            SearchSource source = sources.get(change.source());
            queue(source.name() + "/" + cycleId, () -> reindex(source, cycleId));
        } else {
            log.warn("Search: a change of the unknown source '{}' was ignored", change.source());
        }
    }

    boolean rebuildNeeded() {
        return index.rebuildNeeded();
    }

    int documentCount() throws IOException {
        return index.documentCount();
    }

    @PreDestroy
    void close() throws IOException, InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(15, TimeUnit.SECONDS)) {
            worker.shutdownNow();
            worker.awaitTermination(5, TimeUnit.SECONDS);
        }
        index.close();
    }

    private void queue(String key, IndexWork work) {
        if (!queued.add(key)) {
            return; // the queued task will read the latest content
        }
        try {
            worker.execute(() -> {
                queued.remove(key);
                try {
                    work.run();
                    index.commit(false);
                } catch (IOException | RuntimeException e) {
                    log.error("Search: updating the index ({}) failed", key, e);
                }
            });
        } catch (RejectedExecutionException e) {
            queued.remove(key); // shutting down: the next start rebuilds if the index is incomplete
        }
    }

    private void reindex(SearchSource source, long cycleId) throws IOException {
        List<SearchDocument> documents;
        try {
            documents = source.documents(cycleId);
        } catch (RuntimeException e) {
            // Keep what the index has rather than emptying it because of one broken source.
            log.error("Search: source '{}' failed for cycle {}", source.name(), cycleId, e);
            return;
        }
        index.replace(source.name(), cycleId, documents);
    }

    private void synchroniseAll() throws IOException {
        long start = System.nanoTime();
        List<Long> ids = cycles.allCycles().stream().map(Cycle::id).toList();
        int done = 0;
        for (long cycleId : ids) {
            for (SearchSource source : sources.values()) {
                reindex(source, cycleId);
            }
            if (++done % 20 == 0) {
                index.refresh(); // a long rebuild shows its progress
            }
        }
        index.retainOnly(Set.copyOf(ids), sources.keySet());
        index.commit(true);
        log.info(
                "Search index rebuilt: {} documents from {} cycles and {} sources in {} ms",
                index.documentCount(),
                ids.size(),
                sources.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    private static Map<String, SearchSource> byName(List<SearchSource> sources) {
        Map<String, List<SearchSource>> named = sources.stream()
                .collect(Collectors.groupingBy(SearchSource::name, LinkedHashMap::new, Collectors.toList()));
        named.forEach((name, same) -> {
            if (same.size() > 1) {
                throw new IllegalStateException("Two search sources are named '" + name + "'");
            }
        });
        Map<String, SearchSource> byName = new LinkedHashMap<>();
        named.forEach((name, same) -> byName.put(name, same.getFirst()));
        return Map.copyOf(byName);
    }

    @FunctionalInterface
    private interface IndexWork {
        void run() throws IOException;
    }
}

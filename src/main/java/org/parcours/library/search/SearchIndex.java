package org.parcours.library.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index on disk: one {@link IndexWriter} for every change and a {@link SearcherManager} for near
 * real-time searches ({@link SearchPages} makes the result pages). It knows nothing of Spring or of the sources;
 * {@link SearchService} drives it.
 *
 * <p>Documents are grouped in slots, one per (source, cycle): {@link #replace} swaps a slot's documents atomically.
 * Each commit records the index format ({@link #FORMAT}) and whether the last full rebuild completed; an index
 * with another format, an unfinished rebuild, or that cannot be read is recreated empty and {@link
 * #rebuildNeeded()} says so. Change {@link #FORMAT} whenever fields or analysis change.
 */
final class SearchIndex implements Closeable {

    /** Bumped when the fields or the analysis change: the index is then rebuilt at start. */
    static final String FORMAT = "1";

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final String FORMAT_KEY = "parcours.search.format";
    private static final String COMPLETE_KEY = "parcours.search.complete";

    private final SearchPages pages;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final boolean rebuildNeeded;
    private volatile boolean complete;
    private boolean closed;

    private SearchIndex(Directory directory, IndexWriter writer, boolean rebuildNeeded) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.pages = new SearchPages(searchers);
        this.rebuildNeeded = rebuildNeeded;
        this.complete = !rebuildNeeded;
    }

    /**
     * Opens the index in {@code path} (created if missing). Fails if another process holds it: each application
     * node needs a directory of its own.
     */
    static SearchIndex open(Path path) throws IOException {
        Files.createDirectories(path);
        Directory directory = FSDirectory.open(path);
        State state = state(directory, path);
        boolean reusable = state == State.REUSABLE;
        if (state == State.UNREADABLE) {
            clear(directory, path);
        }
        IndexWriterConfig config = new IndexWriterConfig(new SearchAnalysis().perField())
                .setOpenMode(reusable ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE);
        IndexWriter writer;
        try {
            writer = new IndexWriter(directory, config);
        } catch (LockObtainFailedException e) {
            directory.close();
            throw inUse(path, e);
        }
        SearchIndex index = new SearchIndex(directory, writer, !reusable);
        if (!reusable) {
            index.commit(); // an empty index, marked incomplete until the rebuild commits
        }
        return index;
    }

    private enum State {
        REUSABLE,
        REBUILD,
        UNREADABLE
    }

    private static State state(Directory directory, Path path) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return State.REBUILD;
            }
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            if (!FORMAT.equals(data.get(FORMAT_KEY))) {
                log.info(
                        "Search index in {} has format {}, {} is current: rebuilding",
                        path,
                        data.get(FORMAT_KEY),
                        FORMAT);
                return State.REBUILD;
            }
            if (!"true".equals(data.get(COMPLETE_KEY))) {
                log.info("Search index in {} was not completely built: rebuilding", path);
                return State.REBUILD;
            }
            return State.REUSABLE;
        } catch (IOException | RuntimeException e) {
            // corrupt, or written by an older Lucene: IndexWriter cannot even overwrite it
            log.warn("Search index in {} cannot be read ({}): rebuilding", path, e.toString());
            return State.UNREADABLE;
        }
    }

    /** Deletes every index file, holding the write lock so that no other process's index is touched. */
    private static void clear(Directory directory, Path path) throws IOException {
        try (Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            for (String file : directory.listAll()) {
                if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                    directory.deleteFile(file);
                }
            }
        } catch (LockObtainFailedException e) {
            directory.close();
            throw inUse(path, e);
        }
    }

    private static IllegalStateException inUse(Path path, Exception e) {
        return new IllegalStateException(
                "The search index in " + path.toAbsolutePath() + " is in use by another process; every node needs its "
                        + "own parcours.search.directory",
                e);
    }

    /** True when the index was created empty at opening and needs every document. */
    boolean rebuildNeeded() {
        return rebuildNeeded;
    }

    /** Replaces every document of {@code source} in {@code cycleId} by {@code documents}, atomically. */
    void replace(String source, long cycleId, List<SearchDocument> documents) throws IOException {
        List<Document> docs = new ArrayList<>(documents.size());
        for (SearchDocument d : documents) {
            docs.add(IndexFields.document(source, cycleId, d));
        }
        Term slot = new Term(IndexFields.SLOT, IndexFields.slot(source, cycleId));
        if (docs.isEmpty()) {
            writer.deleteDocuments(slot);
        } else {
            writer.updateDocuments(slot, docs);
        }
    }

    /** Deletes the documents of cycles and sources not listed (gone since they were indexed). */
    void retainOnly(Set<Long> cycleIds, Set<String> sources) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            for (String cycle : IndexFields.values(reader, IndexFields.CYCLE)) {
                if (!cycleIds.contains(Long.parseLong(cycle))) {
                    writer.deleteDocuments(new Term(IndexFields.CYCLE, cycle));
                }
            }
            for (String source : IndexFields.values(reader, IndexFields.SOURCE)) {
                if (!sources.contains(source)) {
                    writer.deleteDocuments(new Term(IndexFields.SOURCE, source));
                }
            }
        }
    }

    /** Makes the changes durable; marks the index complete from now on once {@code rebuilt}. */
    void commit(boolean rebuilt) throws IOException {
        if (rebuilt) {
            complete = true;
        }
        commit();
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT, COMPLETE_KEY, Boolean.toString(complete))
                .entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private Map<String, String> commitData() {
        return Map.of(FORMAT_KEY, FORMAT, COMPLETE_KEY, Boolean.toString(complete));
    }

    /** Makes the changes visible to searches (without making them durable). */
    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    int documentCount() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * Page {@code page} (from 1, at most {@link SearchPages#MAX_PAGE}) of what matches {@code typed}, {@code
     * pageSize} hits a page, with only documents of {@code kind} if given.
     */
    SearchResults search(String typed, @Nullable String kind, int page, int pageSize) throws IOException {
        return pages.search(typed, kind, page, pageSize);
    }

    /** Commits what is pending and releases the directory; closing again does nothing. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (directory;
                searchers) {
            writer.setLiveCommitData(commitData().entrySet());
            writer.close(); // commits
        }
    }
}

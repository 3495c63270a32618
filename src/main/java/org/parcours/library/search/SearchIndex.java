package org.parcours.library.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index on disk: one {@link IndexWriter} for every change and a {@link SearcherManager} for near
 * real-time searches. It knows nothing of Spring or of the sources; {@link SearchService} drives it.
 *
 * <p>Documents are grouped in slots, one per (source, cycle): {@link #replace} swaps a slot's documents atomically.
 * Each commit records the index format ({@link #FORMAT}) and whether the last full rebuild completed; an index
 * with another format, an unfinished rebuild, or that cannot be read is recreated empty and {@link
 * #rebuildNeeded()} says so. Change {@link #FORMAT} whenever fields or analysis change.
 */
final class SearchIndex implements Closeable {

    /** Bumped when the fields or the analysis change: the index is then rebuilt at start. */
    static final String FORMAT = "1";

    static final int MAX_PAGE = 100;

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final String FORMAT_KEY = "parcours.search.format";
    private static final String COMPLETE_KEY = "parcours.search.complete";

    // Fields. Texts are indexed in the field of their language ("title_fr", "text_en"...), with offsets so that
    // snippets are cut without analysing the text again.
    private static final String KEY = "key";
    private static final String SOURCE = "source";
    private static final String CYCLE = "cycle";
    private static final String SLOT = "slot";
    private static final String KIND = "kind";
    private static final String LANGUAGE = "language";
    private static final String URL = "url";
    private static final String CONTEXT = "context";

    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();
    private static final String ELLIPSIS = " … ";
    private static final int SNIPPET_LENGTH = 180;
    private static final int SNIPPET_PASSAGES = 2;

    private final SearchAnalysis analysis = new SearchAnalysis();
    private final SearchQueries queries = new SearchQueries(analysis);
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
            docs.add(document(source, cycleId, d));
        }
        Term slot = new Term(SLOT, slot(source, cycleId));
        if (docs.isEmpty()) {
            writer.deleteDocuments(slot);
        } else {
            writer.updateDocuments(slot, docs);
        }
    }

    /** Deletes the documents of cycles and sources not listed (gone since they were indexed). */
    void retainOnly(Set<Long> cycleIds, Set<String> sources) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            for (String cycle : values(reader, CYCLE)) {
                if (!cycleIds.contains(Long.parseLong(cycle))) {
                    writer.deleteDocuments(new Term(CYCLE, cycle));
                }
            }
            for (String source : values(reader, SOURCE)) {
                if (!sources.contains(source)) {
                    writer.deleteDocuments(new Term(SOURCE, source));
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
     * Page {@code page} (from 1, at most {@link #MAX_PAGE}) of what matches {@code typed}, {@code pageSize} hits
     * a page, with only documents of {@code kind} if given.
     */
    SearchResults search(String typed, @Nullable String kind, int page, int pageSize) throws IOException {
        String text = SearchQueries.clean(typed);
        Optional<Query> built = queries.build(text);
        if (built.isEmpty()) {
            return SearchResults.none(text, false);
        }
        Query query = built.get();
        Query filtered = kind == null
                ? query
                : new BooleanQuery.Builder()
                        .add(query, Occur.MUST)
                        .add(new TermQuery(new Term(KIND, kind)), Occur.FILTER)
                        .build();
        int shown = Math.clamp(page, 1, MAX_PAGE);
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs top =
                    searcher.search(filtered, new TopScoreDocCollectorManager(shown * pageSize, Integer.MAX_VALUE));
            int from = (shown - 1) * pageSize;
            ScoreDoc[] all = top.scoreDocs;
            int[] docIds = new int[Math.max(0, all.length - from)];
            for (int i = 0; i < docIds.length; i++) {
                docIds[i] = all[from + i].doc;
            }
            return new SearchResults(
                    text,
                    true,
                    kind,
                    shown,
                    pageSize,
                    top.totalHits.value(),
                    hits(searcher, query, docIds),
                    kinds(searcher, query));
        } finally {
            searchers.release(searcher);
        }
    }

    private List<SearchHit> hits(IndexSearcher searcher, Query query, int[] docIds) throws IOException {
        if (docIds.length == 0) {
            return List.of();
        }
        String[] titleFields = fields(SearchAnalysis.TITLE);
        String[] textFields = fields(SearchAnalysis.TEXT);
        Map<String, String[]> titles = highlighter(searcher, WholeBreakIterator::new, 1)
                .highlightFields(titleFields, query, docIds, repeat(1, titleFields.length));
        Map<String, String[]> texts = highlighter(
                        searcher,
                        () -> LengthGoalBreakIterator.createClosestToLength(
                                BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_LENGTH, 0.5f),
                        SNIPPET_PASSAGES)
                .highlightFields(textFields, query, docIds, repeat(SNIPPET_PASSAGES, textFields.length));
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(docIds.length);
        for (int i = 0; i < docIds.length; i++) {
            Document doc = stored.document(docIds[i], Set.of(KIND, LANGUAGE, URL, CONTEXT));
            hits.add(new SearchHit(
                    value(doc, KIND),
                    value(doc, LANGUAGE),
                    localPath(value(doc, URL)),
                    value(doc, CONTEXT),
                    firstPresent(titles, titleFields, i),
                    firstPresent(texts, textFields, i)));
        }
        return hits;
    }

    private UnifiedHighlighter highlighter(
            IndexSearcher searcher, java.util.function.Supplier<BreakIterator> breaks, int passages) {
        return UnifiedHighlighter.builder(searcher, analysis.perField())
                .withBreakIterator(breaks)
                // escapes the text as HTML; only the marks are markup
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", ELLIPSIS, true))
                .withMaxLength(100_000)
                .withMaxNoHighlightPassages(passages)
                .build();
    }

    private List<SearchResults.KindCount> kinds(IndexSearcher searcher, Query query) throws IOException {
        List<SearchResults.KindCount> counts = new ArrayList<>();
        for (String kind : values(searcher.getIndexReader(), KIND)) {
            int count = searcher.count(new BooleanQuery.Builder()
                    .add(query, Occur.MUST)
                    .add(new TermQuery(new Term(KIND, kind)), Occur.FILTER)
                    .build());
            if (count > 0) {
                counts.add(new SearchResults.KindCount(kind, count));
            }
        }
        counts.sort(Comparator.comparingLong(SearchResults.KindCount::count)
                .reversed()
                .thenComparing(SearchResults.KindCount::kind));
        return counts;
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

    private static Document document(String source, long cycleId, SearchDocument d) {
        String language = SearchAnalysis.language(d.language());
        Document doc = new Document();
        doc.add(new StringField(KEY, d.key(), Field.Store.YES));
        doc.add(new StringField(SOURCE, source, Field.Store.NO));
        doc.add(new StringField(CYCLE, Long.toString(cycleId), Field.Store.NO));
        doc.add(new StringField(SLOT, slot(source, cycleId), Field.Store.NO));
        doc.add(new StringField(KIND, d.kind(), Field.Store.YES));
        doc.add(new StoredField(LANGUAGE, language));
        doc.add(new Field(SearchAnalysis.TITLE + language, d.title(), TEXT_WITH_OFFSETS));
        doc.add(new Field(SearchAnalysis.TEXT + language, d.text(), TEXT_WITH_OFFSETS));
        doc.add(new StoredField(URL, d.url()));
        doc.add(new StoredField(CONTEXT, d.context()));
        return doc;
    }

    private static String slot(String source, long cycleId) {
        return source + "/" + cycleId;
    }

    private static FieldType textWithOffsets() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static String[] fields(String prefix) {
        return SearchAnalysis.LANGUAGES.stream().map(l -> prefix + l).toArray(String[]::new);
    }

    private static int[] repeat(int value, int times) {
        int[] values = new int[times];
        java.util.Arrays.fill(values, value);
        return values;
    }

    /** A document has its texts in the fields of one language only: the first field with a value is it. */
    private static String firstPresent(Map<String, String[]> highlighted, String[] fields, int i) {
        for (String field : fields) {
            String[] values = highlighted.get(field);
            if (values != null && values[i] != null) {
                return values[i];
            }
        }
        return "";
    }

    private static Set<String> values(org.apache.lucene.index.IndexReader reader, String field) throws IOException {
        Set<String> values = new HashSet<>();
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms == null) {
            return values;
        }
        TermsEnum each = terms.iterator();
        for (BytesRef term = each.next(); term != null; term = each.next()) {
            values.add(term.utf8ToString()); // may name only deleted documents: callers count or delete
        }
        return values;
    }

    private static String value(Document doc, String field) {
        String value = doc.get(field);
        return value == null ? "" : value;
    }

    /** Only a path on this site is linked: anything else (a bug in a source) becomes the home page. */
    private static String localPath(String url) {
        return url.startsWith("/") && !url.startsWith("//") && url.indexOf('\\') < 0 ? url : "/";
    }
}

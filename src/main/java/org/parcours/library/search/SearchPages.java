package org.parcours.library.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
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
import org.jspecify.annotations.Nullable;

/**
 * One page of results from the index's current searcher: the hits with their titles and snippets highlighted
 * (the documents' text escaped as HTML, the found words in {@code <mark>}), the total, and the count of each kind.
 */
final class SearchPages {

    static final int MAX_PAGE = 100;

    private static final String ELLIPSIS = " … ";
    private static final int SNIPPET_LENGTH = 180;
    private static final int SNIPPET_PASSAGES = 2;

    private final SearchAnalysis analysis = new SearchAnalysis();
    private final SearchQueries queries = new SearchQueries(analysis);
    private final SearcherManager searchers;

    SearchPages(SearcherManager searchers) {
        this.searchers = searchers;
    }

    /** See {@link SearchIndex#search}. */
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
                        .add(new TermQuery(new Term(IndexFields.KIND, kind)), Occur.FILTER)
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
            Document doc = stored.document(
                    docIds[i], Set.of(IndexFields.KIND, IndexFields.LANGUAGE, IndexFields.URL, IndexFields.CONTEXT));
            hits.add(new SearchHit(
                    value(doc, IndexFields.KIND),
                    value(doc, IndexFields.LANGUAGE),
                    localPath(value(doc, IndexFields.URL)),
                    value(doc, IndexFields.CONTEXT),
                    firstPresent(titles, titleFields, i),
                    firstPresent(texts, textFields, i)));
        }
        return hits;
    }

    private UnifiedHighlighter highlighter(IndexSearcher searcher, Supplier<BreakIterator> breaks, int passages) {
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
        for (String kind : IndexFields.values(searcher.getIndexReader(), IndexFields.KIND)) {
            int count = searcher.count(new BooleanQuery.Builder()
                    .add(query, Occur.MUST)
                    .add(new TermQuery(new Term(IndexFields.KIND, kind)), Occur.FILTER)
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

    private static String[] fields(String prefix) {
        return SearchAnalysis.LANGUAGES.stream().map(l -> prefix + l).toArray(String[]::new);
    }

    private static int[] repeat(int value, int times) {
        int[] values = new int[times];
        Arrays.fill(values, value);
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

    private static String value(Document doc, String field) {
        String value = doc.get(field);
        return value == null ? "" : value;
    }

    /** Only a path on this site is linked: anything else (a bug in a source) becomes the home page. */
    private static String localPath(String url) {
        return url.startsWith("/") && !url.startsWith("//") && url.indexOf('\\') < 0 ? url : "/";
    }
}

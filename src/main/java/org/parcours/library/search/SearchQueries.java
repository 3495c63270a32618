package org.parcours.library.search;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns what a visitor typed into a Lucene query, without ever parsing it as query syntax: the text goes through
 * the French and the English analysis, and each language gives "every word, in the title or the text" over that
 * language's fields. The two are alternatives, so a French cycle is found with French or English spellings and an
 * English one likewise. Quotes, brackets, {@code AND}, {@code *} and the like are plain characters (the tokenizer
 * drops punctuation), so no input can make the query fail.
 */
final class SearchQueries {

    /** Longer input is cut (a search box has no use for more); see {@link #clean(String)}. */
    static final int MAX_LENGTH = 200;

    /** Words beyond these are ignored: enough for any real query, and a bound on the query's size. */
    static final int MAX_TERMS = 16;

    /** A match in a title counts this much more than one in the text. */
    static final float TITLE_BOOST = 2f;

    private static final Pattern CONTROL_AND_SPACE = Pattern.compile("[\\p{Cntrl}\\p{Z}\\s]+");

    private final SearchAnalysis analysis;

    SearchQueries(SearchAnalysis analysis) {
        this.analysis = analysis;
    }

    /** Whitespace and control characters collapsed, trimmed, cut at {@link #MAX_LENGTH} characters (whole ones). */
    static String clean(String typed) {
        String text = CONTROL_AND_SPACE.matcher(typed).replaceAll(" ").strip();
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int end = MAX_LENGTH;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).strip();
    }

    /** The query for {@code text}, or empty when it has no searchable word (blank, punctuation, stop words). */
    Optional<Query> build(String text) {
        String cleaned = clean(text);
        BooleanQuery.Builder anyLanguage = new BooleanQuery.Builder();
        int languages = 0;
        for (String language : SearchAnalysis.LANGUAGES) {
            List<String> terms = analysis.terms(language, cleaned, MAX_TERMS);
            if (terms.isEmpty()) {
                continue;
            }
            BooleanQuery.Builder everyWord = new BooleanQuery.Builder();
            for (String term : terms) {
                everyWord.add(
                        new BooleanQuery.Builder()
                                .add(
                                        new BoostQuery(
                                                new TermQuery(new Term(SearchAnalysis.TITLE + language, term)),
                                                TITLE_BOOST),
                                        Occur.SHOULD)
                                .add(new TermQuery(new Term(SearchAnalysis.TEXT + language, term)), Occur.SHOULD)
                                .build(),
                        Occur.MUST);
            }
            anyLanguage.add(everyWord.build(), Occur.SHOULD);
            languages++;
        }
        return languages == 0 ? Optional.empty() : Optional.of(anyLanguage.build());
    }
}

package org.parcours.library.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The two analysis chains of the index, French and English, and which one a document or a field uses.
 *
 * <p>Both fold accents and ligatures ({@code coopération} → {@code cooperation}, {@code œuvre} → {@code oeuvre})
 * <em>before</em> stemming, so a word typed without its accents is stemmed exactly like the written one. French
 * removes elided articles ({@code l’équipe} → {@code equipe}) and uses Lucene's minimal stemmer (plurals and
 * feminine forms: {@code sociales}, {@code sociaux} → {@code social}); Lucene's "light" French stemmer was not
 * taken because it reduces both {@code coopération} and {@code copie} to {@code cop}. English removes possessives
 * and uses KStem, a light dictionary-based stemmer. Both drop the French <em>and</em> English stop words: a
 * visitor may type either language's small words, and every remaining word is required (see {@link
 * SearchQueries}).
 */
final class SearchAnalysis {

    /** The languages the index knows; any other document language is analysed as English (no elision). */
    static final List<String> LANGUAGES = List.of("fr", "en");

    static final String TITLE = "title_";
    static final String TEXT = "text_";

    private static final CharArraySet STOP_WORDS = foldedStopWords();

    private final Analyzer french = new FrenchChain();
    private final Analyzer english = new EnglishChain();
    private final Analyzer perField = new PerFieldAnalyzerWrapper(
            english, Map.of(TITLE + "fr", french, TEXT + "fr", french, TITLE + "en", english, TEXT + "en", english));

    /** {@code fr} for French (any {@code fr-*} tag too), {@code en} for everything else. */
    static String language(String documentLanguage) {
        return documentLanguage.strip().toLowerCase(Locale.ROOT).startsWith("fr") ? "fr" : "en";
    }

    /** The analyser of the index: by field name ({@code title_fr}, {@code text_en}...). */
    Analyzer perField() {
        return perField;
    }

    Analyzer analyzer(String language) {
        return "fr".equals(language) ? french : english;
    }

    /** The distinct terms {@code text} gives in {@code language}, in the order they come, at most {@code max}. */
    List<String> terms(String language, String text, int max) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer(language).tokenStream(TEXT + language, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < max) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            // Reading a String cannot fail.
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(terms);
    }

    private static CharArraySet foldedStopWords() {
        CharArraySet all = new CharArraySet(256, false);
        for (CharArraySet set : List.of(FrenchAnalyzer.getDefaultStopSet(), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)) {
            for (Object word : set) {
                char[] chars = (char[]) word;
                char[] folded = new char[chars.length * 4];
                int length = ASCIIFoldingFilter.foldToASCII(chars, 0, folded, 0, chars.length);
                all.add(new String(folded, 0, length).toLowerCase(Locale.ROOT));
            }
        }
        return CharArraySet.unmodifiableSet(all);
    }

    /** Lucene's FrenchAnalyzer with folding before a minimal stemmer, and both languages' stop words. */
    private static final class FrenchChain extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
            stream = new LowerCaseFilter(stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(stream, STOP_WORDS);
            stream = new FrenchMinimalStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(new ElisionFilter(in, FrenchAnalyzer.DEFAULT_ARTICLES)));
        }
    }

    /** Lucene's EnglishAnalyzer with folding and KStem instead of Porter, and both languages' stop words. */
    private static final class EnglishChain extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(stream, STOP_WORDS);
            stream = new KStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}

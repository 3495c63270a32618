package org.parcours.library.qa;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which chat messages are pre-selected as questions in the review, and which are votes on the question before
 * them. Only a starting point: the organiser ticks and unticks. The rules are documented in docs/library-qa.md
 * ("The question heuristic") and tested by QuestionHeuristicTest.
 */
final class QuestionHeuristic {

    /** Interrogative words that make a question when a message starts with them (French and English). */
    private static final Set<String> STARTS = Set.of(
            // French
            "comment",
            "pourquoi",
            "quel",
            "quelle",
            "quels",
            "quelles",
            "lequel",
            "laquelle",
            "lesquels",
            "lesquelles",
            "qui",
            "où",
            "quand",
            "combien",
            "quoi",
            "est-ce",
            "qu'est-ce",
            // English
            "how",
            "why",
            "what",
            "which",
            "who",
            "whom",
            "whose",
            "when",
            "where",
            "can",
            "could",
            "should",
            "would",
            "will",
            "is",
            "are",
            "am",
            "do",
            "does",
            "did",
            "has",
            "have",
            "may",
            "might",
            "shall",
            "was",
            "were",
            "isn't",
            "aren't",
            "don't",
            "doesn't",
            "didn't",
            "can't",
            "won't",
            "anyone",
            "any");

    /** Words or phrases that make a question wherever they are (indirect questions: "je me demande comment"). */
    private static final Pattern ANYWHERE = Pattern.compile(
            "\\b(comment|combien|est-ce qu|qu'est-ce|je me demande|i wonder|i was wondering|how)\\b"
                    + "|(?<!c'est |voilà |that's |that is |this is )\\b(pourquoi|why)\\b"
                    + "|\\b(ma|une|my|a) question\\b\\s*(:|pour|for|about|sur)"
                    // French inversion: "mesure-t-on", "pensez-vous", "faut-il" (not the noun "rendez-vous")
                    + "|\\b(?!rendez-vous)\\p{L}+-(t-)?(on|il|ils|elle|elles|vous|tu|je|nous)\\b",
            Pattern.UNICODE_CHARACTER_CLASS);

    /** A vote on the previous question, whatever follows: "+1", "+ 1", "+100", "👍", "same question". */
    private static final Pattern VOTE = Pattern.compile(
            "^(\\+\\s*1\\d*|\\+\\+|👍+|same question|même question|meme question|pareil(le)? question)(?<rest>.*)$",
            Pattern.DOTALL);

    /** A vote only when the message is short: "Moi aussi !", "me too", "idem". */
    private static final Pattern SHORT_VOTE =
            Pattern.compile("^(moi aussi|me too|same here|idem|pareil|ditto)(?<rest>.*)$", Pattern.DOTALL);

    private static final int SHORT = 30;

    /** Interrogative phrases are looked for in the start of a message only: a long message stays quick to scan. */
    private static final int SCANNED = 600;

    private static final Pattern LEADING = Pattern.compile("^[\\s\"«»“”'\\-–—>*•]+");
    private static final Pattern WORDS = Pattern.compile("[\\s,;:.!]+");

    private QuestionHeuristic() {}

    static boolean isQuestion(String text) {
        String t = normal(text);
        if (t.isEmpty() || vote(t)) {
            return false;
        }
        if (t.indexOf('?') >= 0 || t.indexOf('？') >= 0 || t.indexOf('¿') >= 0) {
            return true;
        }
        String first = WORDS.split(t, 2)[0];
        if (STARTS.contains(first) || t.startsWith("est-ce que") || t.startsWith("y a-t-il")) {
            return true;
        }
        return ANYWHERE.matcher(t.length() > SCANNED ? t.substring(0, SCANNED) : t)
                .find();
    }

    /** "+1" and the like: counted as a vote on the previous question, not a question itself. */
    static boolean isVote(String text) {
        return vote(normal(text));
    }

    private static boolean vote(String t) {
        if (t.length() > SCANNED) {
            return false;
        }
        Matcher vote = VOTE.matcher(t);
        if (vote.matches()) {
            return !vote.group("rest").contains("?");
        }
        Matcher shortVote = SHORT_VOTE.matcher(t);
        return shortVote.matches()
                && !shortVote.group("rest").contains("?")
                && shortVote.group("rest").strip().length() <= SHORT;
    }

    /** Lower case, typographic apostrophes as ', no leading quotes, dashes or spaces. */
    private static String normal(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'');
        return LEADING.matcher(lower).replaceFirst("").strip();
    }
}

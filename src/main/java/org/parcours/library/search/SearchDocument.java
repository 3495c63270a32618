package org.parcours.library.search;

/**
 * One findable piece of public content, as a {@link SearchSource} offers it to the index.
 *
 * @param key unique and stable across rebuilds, e.g. {@code "question:42"}; the index replaces a document by key
 * @param source the name of the {@link SearchSource} that offers it
 * @param cycleId the cycle it belongs to: a change in a cycle re-indexes that cycle's documents of that source
 * @param kind what it is, shown to the reader and used as a filter: {@code session}, {@code keypoint},
 *     {@code reference}, {@code question}, {@code subtitle}...
 * @param language the language of the text ({@code fr} or {@code en}), which chooses the analyser
 * @param title a short title, shown as the result's heading
 * @param text the plain text to search and to cut snippets from (no HTML, no Markdown syntax)
 * @param url the path of the exact place on the site, with a fragment where there is one, e.g.
 *     {@code /cycles/c/sessions/s#question-42}
 * @param context where it is, for the reader: e.g. "Cycle title · Session 2"
 */
public record SearchDocument(
        String key,
        String source,
        long cycleId,
        String kind,
        String language,
        String title,
        String text,
        String url,
        String context) {}

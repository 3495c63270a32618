package org.parcours.library.search;

/**
 * One result as the results page shows it. {@code titleHtml} and {@code snippetHtml} are HTML: the document's
 * text escaped, with the matched words in {@code <mark>}; everything else is plain text.
 *
 * @param url the path of the exact place (checked to be a local path)
 * @param language the language of the title and snippet, for the {@code lang} attribute
 */
public record SearchHit(
        String kind, String language, String url, String context, String titleHtml, String snippetHtml) {}

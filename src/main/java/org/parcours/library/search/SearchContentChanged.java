package org.parcours.library.search;

/**
 * Published (as a Spring application event, after the change is committed) by a feature whose searchable content
 * changed in one cycle: the index then replaces that source's documents for that cycle.
 *
 * <p>Publishing it inside the transaction that makes the change is fine too: the index handles it only once that
 * transaction has committed (and not at all if it rolls back). Handling is asynchronous, off the publisher's thread.
 * A change of the {@code cycle} source (publication, slug, sessions...) re-reads every source of that cycle.
 */
public record SearchContentChanged(String source, long cycleId) {}

package org.parcours.library.search;

/**
 * Published (as a Spring application event, after the change is committed) by a feature whose searchable content
 * changed in one cycle: the index then replaces that source's documents for that cycle.
 */
public record SearchContentChanged(String source, long cycleId) {}

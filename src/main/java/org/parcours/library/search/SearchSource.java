package org.parcours.library.search;

import java.util.List;

/**
 * Content that search should find, offered by the feature that owns it. A source returns only what the public
 * may see (sessions of published cycles, published questions...). The index asks again for a cycle's documents when
 * {@link SearchContentChanged} names the source and that cycle, and for everything when it rebuilds.
 */
public interface SearchSource {

    /** A short stable name, e.g. {@code "bibliography"}; {@link SearchDocument#source()} carries it. */
    String name();

    /** Every public document of this source in one cycle (empty if the cycle is not public). */
    List<SearchDocument> documents(long cycleId);
}

package org.parcours.library.bibliography;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.parcours.library.search.SearchDocument;
import org.parcours.library.search.SearchSource;
import org.springframework.stereotype.Component;

/**
 * The references of published cycles for the search index: one document per reference, its text the citation as
 * the cycle's language formats it plus the organiser's note, its place the reference on the session page (or on
 * the cycle page for the cycle's own references).
 */
@Component
class BibliographySearch implements SearchSource {

    private final CycleService cycles;
    private final Bibliography bibliography;

    BibliographySearch(CycleService cycles, Bibliography bibliography) {
        this.cycles = cycles;
        this.bibliography = bibliography;
    }

    @Override
    public String name() {
        return BibliographyEditor.SEARCH_SOURCE;
    }

    @Override
    public List<SearchDocument> documents(long cycleId) {
        Cycle cycle = cycles.cycle(cycleId).filter(Cycle::published).orElse(null);
        if (cycle == null) {
            return List.of();
        }
        Map<Long, Session> sessions = new HashMap<>();
        cycles.sessions(cycleId).forEach(s -> sessions.put(s.id(), s));
        Locale locale = Locale.forLanguageTag(cycle.language());
        String cyclePath = "/cycles/" + cycle.slug();
        List<SearchDocument> documents = new ArrayList<>();
        for (Reference r : bibliography.allOfCycle(cycleId)) {
            Session session = r.sessionId() == null ? null : sessions.get(r.sessionId());
            if (r.sessionId() != null && session == null) {
                continue;
            }
            long id = Objects.requireNonNull(r.id());
            String citation = bibliography.citation(r.data(), locale).text();
            documents.add(new SearchDocument(
                    "reference:" + id,
                    name(),
                    cycleId,
                    "reference",
                    cycle.language(),
                    r.title(),
                    r.note() == null ? citation : citation + "\n" + r.note(),
                    (session == null ? cyclePath : cyclePath + "/sessions/" + session.slug()) + "#reference-" + id,
                    session == null ? cycle.title() : cycle.title() + " · " + session.title()));
        }
        return documents;
    }
}

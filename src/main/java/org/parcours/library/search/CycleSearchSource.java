package org.parcours.library.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.KeyPoint;
import org.parcours.cycle.Session;
import org.springframework.stereotype.Component;

/**
 * The cycle feature's public content: a published cycle (title, summary, description), each of its sessions
 * (title, summary, description) and each key point of a session (the point is the title; the context names the
 * session). A draft or deleted cycle has no documents. The
 * cycle feature announces its changes as {@code SearchContentChanged("cycle", id)}.
 */
@Component
class CycleSearchSource implements SearchSource {

    private final CycleService cycles;

    CycleSearchSource(CycleService cycles) {
        this.cycles = cycles;
    }

    @Override
    public String name() {
        return SearchService.CYCLE_SOURCE;
    }

    @Override
    public List<SearchDocument> documents(long cycleId) {
        Optional<Cycle> published = cycles.cycle(cycleId).filter(Cycle::published);
        if (published.isEmpty()) {
            return List.of();
        }
        Cycle cycle = published.get();
        String cycleUrl = "/cycles/" + cycle.slug();
        List<SearchDocument> documents = new ArrayList<>();
        documents.add(document(
                "cycle:" + cycleId,
                cycle,
                "cycle",
                cycle.title(),
                PlainText.join(cycle.summary(), PlainText.fromMarkdown(cycle.description())),
                cycleUrl,
                ""));
        for (Session session : cycles.sessions(cycleId)) {
            String sessionUrl = cycleUrl + "/sessions/" + session.slug();
            documents.add(document(
                    "session:" + session.id(),
                    cycle,
                    "session",
                    session.title(),
                    PlainText.join(session.summary(), PlainText.fromMarkdown(session.description())),
                    sessionUrl,
                    cycle.title()));
            // A key point is its own title: the session's title would make every key point of a session match
            // the words of that title, and crowd out the session itself.
            List<KeyPoint> points = session.keyPoints();
            for (int i = 0; i < points.size(); i++) {
                documents.add(document(
                        "keypoint:" + session.id() + ":" + i,
                        cycle,
                        "keypoint",
                        points.get(i).text(),
                        "",
                        sessionUrl + "#key-points",
                        cycle.title() + " · " + session.title()));
            }
        }
        return documents;
    }

    private static SearchDocument document(
            String key, Cycle cycle, String kind, String title, String text, String url, String context) {
        return new SearchDocument(
                key, SearchService.CYCLE_SOURCE, cycle.id(), kind, cycle.language(), title, text, url, context);
    }
}

package org.parcours.library.qa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.parcours.library.search.SearchDocument;
import org.parcours.library.search.SearchSource;
import org.springframework.stereotype.Component;

/**
 * Offers search the published questions of published cycles: one document per question, with its answer as plain
 * text, pointing at the question's anchor on its session page. Authors are not indexed.
 */
@Component(SearchNotifier.SOURCE)
class QaSearchSource implements SearchSource {

    static final String KIND = "question";
    private static final int TITLE = 140;

    private final CycleService cycles;
    private final QuestionStore store;
    private final Parser markdown = Parser.builder().build();
    private final TextContentRenderer plain = TextContentRenderer.builder().build();

    QaSearchSource(CycleService cycles, QuestionStore store) {
        this.cycles = cycles;
        this.store = store;
    }

    @Override
    public String name() {
        return SearchNotifier.SOURCE;
    }

    @Override
    public List<SearchDocument> documents(long cycleId) {
        Optional<Cycle> found = cycles.cycle(cycleId).filter(Cycle::published);
        if (found.isEmpty()) {
            return List.of();
        }
        Cycle cycle = found.get();
        Map<Long, Session> sessions = new HashMap<>();
        cycles.sessions(cycleId).forEach(s -> sessions.put(s.id(), s));
        List<SearchDocument> documents = new ArrayList<>();
        for (ArchivedQuestion q : store.published(sessions.keySet())) {
            Session session = sessions.get(q.sessionId());
            String answer = plain(q.answer());
            documents.add(new SearchDocument(
                    "question:" + q.id(),
                    SearchNotifier.SOURCE,
                    cycleId,
                    KIND,
                    cycle.language(),
                    ChatText.truncate(q.text().replace('\n', ' '), TITLE),
                    answer.isEmpty() ? q.text() : q.text() + "\n\n" + answer,
                    "/cycles/" + cycle.slug() + "/sessions/" + session.slug() + "#" + q.anchor(),
                    cycle.title() + " · " + session.title()));
        }
        return documents;
    }

    /** The answer's words without Markdown syntax. */
    String plain(String answer) {
        return answer.isBlank() ? "" : plain.render(markdown.parse(answer)).strip();
    }
}

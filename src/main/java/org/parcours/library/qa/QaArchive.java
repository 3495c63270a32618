package org.parcours.library.qa;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The public API of the Q&A archive: what the session page shows, and the organisers' edits (answer, status,
 * theme, author display, publish, order, delete). Each write commits, then tells search
 * ({@link org.parcours.library.search.SearchContentChanged}). Callers check that the user is an organiser.
 */
@Service
public class QaArchive {

    private final QuestionStore store;
    private final TransactionOperations transactions;
    private final SearchNotifier search;

    QaArchive(QuestionStore store, TransactionOperations transactions, SearchNotifier search) {
        this.store = store;
        this.transactions = transactions;
        this.search = search;
    }

    /** The published questions of a session, grouped by theme, for its public page. */
    public SessionQuestions sessionQuestions(long sessionId) {
        List<ArchivedQuestion> published = store.list(sessionId, true);
        return published.isEmpty()
                ? SessionQuestions.NONE
                : SessionQuestions.of(store.authorDisplay(sessionId), published);
    }

    /** Every question of a session, published or not, in page order: the organisers' list. */
    public List<ArchivedQuestion> questions(long sessionId) {
        return store.list(sessionId, false);
    }

    public Optional<ArchivedQuestion> question(long id) {
        return store.find(id);
    }

    /** The themes used in a session, in order of first use (offered when editing). */
    public List<String> themes(long sessionId) {
        return store.list(sessionId, false).stream()
                .map(ArchivedQuestion::theme)
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
    }

    public AuthorDisplay authorDisplay(long sessionId) {
        return store.authorDisplay(sessionId);
    }

    public void setAuthorDisplay(long sessionId, AuthorDisplay display) {
        transactions.executeWithoutResult(tx -> store.setAuthorDisplay(sessionId, display));
        search.sessionChanged(sessionId);
    }

    /** False when the question does not exist (any more). */
    public boolean update(long id, QuestionEdit edit) {
        Optional<ArchivedQuestion> question = store.find(id);
        boolean done =
                question.isPresent() && Boolean.TRUE.equals(transactions.execute(tx -> store.update(id, clean(edit))));
        question.ifPresent(q -> search.sessionChanged(q.sessionId()));
        return done;
    }

    public boolean setPublished(long id, boolean published) {
        Optional<ArchivedQuestion> question = store.find(id);
        boolean done = question.isPresent()
                && Boolean.TRUE.equals(transactions.execute(tx -> store.setPublished(id, published)));
        question.ifPresent(q -> search.sessionChanged(q.sessionId()));
        return done;
    }

    public boolean delete(long id) {
        Optional<ArchivedQuestion> question = store.find(id);
        boolean done = question.isPresent() && Boolean.TRUE.equals(transactions.execute(tx -> store.delete(id)));
        question.ifPresent(q -> search.sessionChanged(q.sessionId()));
        return done;
    }

    /** Moves a question one place earlier ({@code step} -1) or later (1) in its session's list. */
    public boolean move(long id, int step) {
        Optional<ArchivedQuestion> question = store.find(id);
        if (question.isEmpty()) {
            return false;
        }
        long sessionId = question.get().sessionId();
        transactions.executeWithoutResult(tx -> {
            List<ArchivedQuestion> list = new ArrayList<>(store.list(sessionId, false));
            int from = indexOf(list, id);
            int to = from + step;
            if (from >= 0 && to >= 0 && to < list.size()) {
                list.add(to, list.remove(from));
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i).position() != i + 1) {
                        store.setPosition(list.get(i).id(), i + 1);
                    }
                }
            }
        });
        search.sessionChanged(sessionId);
        return true;
    }

    private static int indexOf(List<ArchivedQuestion> list, long id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    private static QuestionEdit clean(QuestionEdit edit) {
        return new QuestionEdit(
                ChatText.clean(edit.text(), ChatText.MAX_TEXT),
                ChatText.clean(edit.authorName(), ChatText.MAX_AUTHOR),
                edit.offsetSeconds(),
                ChatText.clean(edit.theme(), ChatStaging.MAX_THEME).replace('\n', ' '),
                edit.votes(),
                edit.status(),
                edit.answer().strip(),
                edit.published());
    }
}

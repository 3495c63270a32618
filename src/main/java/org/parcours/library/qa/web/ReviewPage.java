package org.parcours.library.qa.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.Session;
import org.parcours.library.qa.ChatProblem;
import org.parcours.library.qa.ImportSummary;
import org.parcours.library.qa.ReviewProblem;
import org.parcours.library.qa.ReviewRows;
import org.parcours.library.qa.RowEdit;
import org.parcours.library.qa.StagedMessage;

/**
 * The review of a chat import: what was read, the lines that could not be, one page of the messages, and the
 * publish choices. After a refused submission, {@code submitted} holds what the organiser typed (by position) and
 * {@code errors} why it was refused, and the page shows those instead of the stored values.
 */
public record ReviewPage(
        Cycle cycle,
        Session session,
        ImportSummary summary,
        ReviewRows rows,
        boolean questionsOnly,
        List<ChatProblem> problems,
        Map<Integer, RowEdit> submitted,
        List<ReviewProblem> errors,
        List<String> refusals,
        PublishChoice publish) {

    /** The publish fieldset's values. */
    public record PublishChoice(String authorDisplay, String theme, boolean published) {}

    public String action() {
        return "/admin/chat-imports/" + summary.id();
    }

    public String show() {
        return questionsOnly ? "questions" : "all";
    }

    public boolean selected(StagedMessage m) {
        RowEdit edit = submitted.get(m.position());
        return edit == null ? m.selected() : edit.selected();
    }

    public String text(StagedMessage m) {
        RowEdit edit = submitted.get(m.position());
        return edit == null ? m.text() : edit.text();
    }

    public String votes(StagedMessage m) {
        RowEdit edit = submitted.get(m.position());
        return edit != null ? edit.votes() : m.votes() == null ? "" : m.votes().toString();
    }

    public String theme(StagedMessage m) {
        RowEdit edit = submitted.get(m.position());
        return edit == null ? m.theme() : edit.theme();
    }

    public String merge(StagedMessage m) {
        RowEdit edit = submitted.get(m.position());
        return edit != null
                ? edit.merge()
                : m.mergedInto() == null ? "" : m.mergedInto().toString();
    }

    /** The problem of one field of a row, if the last submission had one. */
    public @Nullable ReviewProblem error(StagedMessage m, String field) {
        return errors.stream()
                .filter(e -> e.position() == m.position() && e.field().equals(field))
                .findFirst()
                .orElse(null);
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || !refusals.isEmpty();
    }
}

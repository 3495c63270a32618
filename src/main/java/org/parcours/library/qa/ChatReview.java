package org.parcours.library.qa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The review step of a chat import: pages of the staged messages, and the organiser's edits of a page (tick or
 * untick, text, votes, theme, merge into another question, "merge into the previous question"). A submission is
 * saved whole or not at all: any problem ({@link ReviewRejected}) leaves the staged rows as they were.
 */
@Service
public class ChatReview {

    /** Rows per page of the review table: a 20,000-message log stays quick to show and to save. */
    public static final int PAGE_SIZE = 100;

    static final int MAX_VOTES = 1_000_000;

    private final ChatStaging staging;
    private final TransactionOperations transactions;

    ChatReview(ChatStaging staging, TransactionOperations transactions) {
        this.staging = staging;
        this.transactions = transactions;
    }

    /** One page (1-based, clamped) of all the messages or of the questions only. */
    public ReviewRows rows(ImportSummary summary, boolean questionsOnly, int page) {
        int total = staging.count(summary.id(), questionsOnly);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        List<StagedMessage> rows = staging.rows(summary.id(), questionsOnly, (current - 1) * PAGE_SIZE, PAGE_SIZE);
        List<Integer> questions = rows.stream()
                .filter(StagedMessage::selected)
                .map(StagedMessage::position)
                .toList();
        Map<Integer, Integer> merged = new HashMap<>();
        staging.merged(summary.id(), questions).forEach((target, counts) -> merged.put(target, counts[0]));
        return new ReviewRows(rows, merged, total, current, pages);
    }

    /**
     * Saves the edits of the rows of one page, then merges {@code mergePrevious} (a position) into the question
     * before it, if given. Throws {@link ReviewRejected} with every problem, nothing saved.
     */
    public void save(ImportSummary summary, List<RowEdit> edits, @Nullable Integer mergePrevious) {
        String id = summary.id();
        List<ReviewProblem> problems = new ArrayList<>();
        List<StagedMessage> changed = new ArrayList<>();
        Map<Integer, StagedMessage> current = new HashMap<>();
        staging.rows(id, edits.stream().map(RowEdit::position).toList()).forEach(m -> current.put(m.position(), m));
        for (RowEdit edit : edits) {
            StagedMessage row = current.get(edit.position());
            if (row == null) {
                problems.add(new ReviewProblem(edit.position(), "", "qa.review.error.row", edit.position()));
                continue;
            }
            StagedMessage updated = apply(row, edit, problems);
            if (updated != null && !updated.equals(row)) {
                changed.add(updated);
            }
        }
        if (!problems.isEmpty()) {
            throw new ReviewRejected(problems);
        }
        transactions.executeWithoutResult(tx -> {
            changed.forEach(m -> staging.update(id, m));
            if (mergePrevious != null) {
                int target = staging.previousQuestion(id, mergePrevious)
                        .orElseThrow(() -> new ReviewRejected(List.of(new ReviewProblem(
                                mergePrevious, "merge", "qa.review.error.noPrevious", mergePrevious))));
                staging.merge(id, mergePrevious, target);
            }
            List<ReviewProblem> merges = new ArrayList<>();
            for (int[] bad : staging.badMerges(id)) {
                merges.add(new ReviewProblem(bad[0], "merge", "qa.review.error.mergeTarget", bad[0], bad[1]));
            }
            if (!merges.isEmpty()) {
                throw new ReviewRejected(merges);
            }
        });
    }

    /** The row with the edit applied, or null with the edit's problems added. */
    private static @Nullable StagedMessage apply(StagedMessage row, RowEdit edit, List<ReviewProblem> problems) {
        int p = row.position();
        int before = problems.size();
        String text = ChatText.clean(edit.text(), ChatText.MAX_TEXT);
        if (text.isEmpty()) {
            problems.add(new ReviewProblem(p, "text", "qa.review.error.text", p));
        }
        Integer votes = null;
        if (!edit.votes().isBlank()) {
            votes = number(edit.votes());
            if (votes == null || votes < 0 || votes > MAX_VOTES) {
                problems.add(new ReviewProblem(p, "votes", "qa.review.error.votes", p));
            }
        }
        String theme = edit.theme().strip();
        if (theme.length() > ChatStaging.MAX_THEME) {
            problems.add(new ReviewProblem(p, "theme", "qa.review.error.theme", p, ChatStaging.MAX_THEME));
        }
        Integer merge = null;
        if (!edit.merge().isBlank()) {
            merge = number(edit.merge());
            if (merge == null || merge == p || merge < 1) {
                problems.add(new ReviewProblem(p, "merge", "qa.review.error.merge", p));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        boolean selected = edit.selected() && merge == null;
        return new StagedMessage(
                p,
                row.line(),
                row.clock(),
                row.offsetSeconds(),
                row.author(),
                text,
                selected,
                votes,
                merge,
                row.replyTo(),
                ChatText.clean(theme, ChatStaging.MAX_THEME).replace('\n', ' '),
                row.status());
    }

    private static @Nullable Integer number(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package org.parcours.library.qa;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.parcours.cycle.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Chat-log import, from upload to publication: a file (or the live room) is read and every message is staged for
 * review under a random id, visible to the organiser who started it only; the organiser's review edits the staged
 * rows ({@link ChatReview}); publishing turns the ticked messages into archive questions in one transaction and
 * deletes the staging. Nothing reaches the archive before that, and a pending import is deleted a day after it was
 * read. Callers check that the user is an organiser; {@code owner} is their user name.
 */
@Service
@EnableScheduling
public class ChatImports {

    /** How long an import waits for review before it is deleted. */
    static final Duration KEPT = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(ChatImports.class);

    private final ChatReader reader;
    private final LiveRoomFeed liveRoom;
    private final ChatStaging staging;
    private final QuestionStore store;
    private final TransactionOperations transactions;
    private final SearchNotifier search;
    private final Clock clock;

    ChatImports(
            ChatReader reader,
            LiveRoomFeed liveRoom,
            ChatStaging staging,
            QuestionStore store,
            TransactionOperations transactions,
            SearchNotifier search,
            Clock clock) {
        this.reader = reader;
        this.liveRoom = liveRoom;
        this.staging = staging;
        this.store = store;
        this.transactions = transactions;
        this.search = search;
        this.clock = clock;
    }

    /**
     * Reads a chat export and stages every message for review; returns the import's id. Times are mapped to the
     * session's timeline. Throws {@link ChatRejected} (nothing written) for an empty, too large or unknown file.
     */
    public String stageFile(Session session, String owner, String fileName, byte[] bytes) {
        ParsedChat chat = reader.read(bytes, new Timeline(session.start()));
        return stage(session, owner, cleanName(fileName), chat);
    }

    /** Stages the live room's questions of the session; {@link ChatRejected} when it has none. */
    public String stageLiveRoom(Session session, String owner) {
        return stage(session, owner, "", liveRoom.read(session));
    }

    private String stage(Session session, String owner, String fileName, ParsedChat chat) {
        String id = UUID.randomUUID().toString();
        List<StagedMessage> rows = Preselection.rows(chat);
        OffsetDateTime now = OffsetDateTime.now(clock);
        transactions.executeWithoutResult(tx -> {
            staging.deleteCreatedBefore(now.minus(KEPT));
            staging.insertImport(id, session.id(), owner, chat, fileName, now);
            staging.insertMessages(id, rows);
            staging.insertProblems(id, chat.problems());
        });
        return id;
    }

    public Optional<ImportSummary> summary(String id, String owner) {
        return staging.summary(id, owner);
    }

    /** The owner's imports of a session still waiting for review, newest first. */
    public List<ImportSummary> pending(long sessionId, String owner) {
        return staging.pending(sessionId, owner);
    }

    public List<ChatProblem> problems(ImportSummary summary) {
        return staging.problems(summary.id());
    }

    /** What the organiser decides on publishing: how authors are shown, a theme, whether the public sees them. */
    public record Publication(AuthorDisplay authorDisplay, String theme, boolean published) {}

    /**
     * Creates the archive questions from the ticked messages, in one transaction, and deletes the import; returns
     * how many were created. Votes: a question's own, plus for each message merged into it one vote and its own.
     */
    public int publish(String id, String owner, Publication publication) {
        ImportSummary summary = staging.summary(id, owner).orElseThrow(() -> new ChatRejected("qa.review.gone"));
        String theme =
                ChatText.clean(publication.theme(), ChatStaging.MAX_THEME).replace('\n', ' ');
        Integer created = transactions.execute(tx -> {
            if (!staging.lock(id, owner)) {
                throw new ChatRejected("qa.review.gone");
            }
            List<StagedMessage> questions = staging.questions(id);
            if (questions.isEmpty()) {
                throw new ChatRejected("qa.review.noneSelected");
            }
            Map<Integer, int[]> merged = staging.merged(id, null);
            int position = store.nextPosition(summary.sessionId());
            for (StagedMessage q : questions) {
                int[] extra = merged.get(q.position());
                Integer votes = extra == null
                        ? q.votes()
                        : Integer.valueOf((q.votes() == null ? 0 : q.votes()) + extra[0] + extra[1]);
                store.insert(
                        new QuestionStore.NewQuestion(
                                summary.sessionId(),
                                q.text(),
                                q.author(),
                                q.offsetSeconds(),
                                q.theme().isEmpty() ? theme : q.theme(),
                                votes,
                                q.status(),
                                "",
                                publication.published(),
                                summary.format().name()),
                        position++);
            }
            store.setAuthorDisplay(summary.sessionId(), publication.authorDisplay());
            staging.delete(id);
            return questions.size();
        });
        search.sessionChanged(summary.sessionId());
        return created == null ? 0 : created;
    }

    /** Drops an import without publishing anything. */
    public boolean discard(String id, String owner) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            if (!staging.lock(id, owner)) {
                return false;
            }
            staging.delete(id);
            return true;
        }));
    }

    /** Imports not published or discarded within a day are deleted. */
    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
    void deleteForgotten() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(KEPT);
        Integer deleted = transactions.execute(tx -> staging.deleteCreatedBefore(cutoff));
        if (deleted != null && deleted > 0) {
            log.info("Q&A: deleted {} chat import(s) left unpublished for a day", deleted);
        }
    }

    /** The uploaded name, only shown back to the organiser: no path, no control characters. */
    static String cleanName(String fileName) {
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        return ChatText.clean(name, 255).replace('\n', ' ');
    }
}

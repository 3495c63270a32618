package org.parcours.library.qa;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The SQL of the archive tables ({@code library_qa_*}); callers hold the transaction. */
@Component
class QuestionStore {

    private static final String COLUMNS = """
            select id, session_id, position, text, author_name, offset_seconds, theme, votes, status, answer,
                published, source
            from library_qa_question""";

    private final JdbcClient jdbc;
    private final Clock clock;

    QuestionStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a new question holds; {@code position} is given by the store. */
    record NewQuestion(
            long sessionId,
            String text,
            String authorName,
            @Nullable Integer offsetSeconds,
            String theme,
            @Nullable Integer votes,
            AnswerStatus status,
            String answer,
            boolean published,
            String source) {}

    List<ArchivedQuestion> list(long sessionId, boolean publishedOnly) {
        return jdbc.sql(COLUMNS + " where session_id = :s" + (publishedOnly ? " and published" : "")
                        + " order by position, id")
                .param("s", sessionId)
                .query(QuestionStore::question)
                .list();
    }

    List<ArchivedQuestion> published(Collection<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " where session_id in (:s) and published order by session_id, position, id")
                .param("s", sessionIds)
                .query(QuestionStore::question)
                .list();
    }

    Optional<ArchivedQuestion> find(long id) {
        return jdbc.sql(COLUMNS + " where id = :id")
                .param("id", id)
                .query(QuestionStore::question)
                .optional();
    }

    long insert(NewQuestion q, int position) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into library_qa_question (session_id, position, text, author_name, offset_seconds, theme,
                            votes, status, answer, published, source, created_at, updated_at)
                        values (:s, :position, :text, :author, :offset, :theme, :votes, :status, :answer, :published,
                            :source, :now, :now)""")
                .param("s", q.sessionId())
                .param("position", position)
                .param("text", q.text())
                .param("author", q.authorName())
                .param("offset", q.offsetSeconds())
                .param("theme", q.theme())
                .param("votes", q.votes())
                .param("status", q.status().name())
                .param("answer", q.answer())
                .param("published", q.published())
                .param("source", q.source())
                .param("now", now)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    int nextPosition(long sessionId) {
        return jdbc.sql("select coalesce(max(position), 0) + 1 from library_qa_question where session_id = :s")
                .param("s", sessionId)
                .query(Integer.class)
                .single();
    }

    boolean update(long id, QuestionEdit edit) {
        return jdbc.sql("""
                        update library_qa_question set text = :text, author_name = :author, offset_seconds = :offset,
                            theme = :theme, votes = :votes, status = :status, answer = :answer, published = :published,
                            updated_at = :now
                        where id = :id""")
                        .param("text", edit.text())
                        .param("author", edit.authorName())
                        .param("offset", edit.offsetSeconds())
                        .param("theme", edit.theme())
                        .param("votes", edit.votes())
                        .param("status", edit.status().name())
                        .param("answer", edit.answer())
                        .param("published", edit.published())
                        .param("now", OffsetDateTime.now(clock))
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean setPublished(long id, boolean published) {
        return jdbc.sql("update library_qa_question set published = :p, updated_at = :now where id = :id")
                        .param("p", published)
                        .param("now", OffsetDateTime.now(clock))
                        .param("id", id)
                        .update()
                == 1;
    }

    void setPosition(long id, int position) {
        jdbc.sql("update library_qa_question set position = :p where id = :id")
                .param("p", position)
                .param("id", id)
                .update();
    }

    boolean delete(long id) {
        return jdbc.sql("delete from library_qa_question where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    AuthorDisplay authorDisplay(long sessionId) {
        return jdbc.sql("select author_display from library_qa_session where session_id = :s")
                .param("s", sessionId)
                .query(String.class)
                .optional()
                .map(AuthorDisplay::of)
                .orElse(AuthorDisplay.DEFAULT);
    }

    void setAuthorDisplay(long sessionId, AuthorDisplay display) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // insert-if-missing then update: correct when two requests choose at the same moment, on both databases
        jdbc.sql("""
                        insert into library_qa_session (session_id, author_display, updated_at) values (:s, :d, :now)
                        on conflict do nothing""")
                .param("s", sessionId)
                .param("d", display.name())
                .param("now", now)
                .update();
        jdbc.sql("update library_qa_session set author_display = :d, updated_at = :now where session_id = :s")
                .param("d", display.name())
                .param("now", now)
                .param("s", sessionId)
                .update();
    }

    private static ArchivedQuestion question(ResultSet rs, int row) throws SQLException {
        return new ArchivedQuestion(
                rs.getLong("id"),
                rs.getLong("session_id"),
                rs.getInt("position"),
                rs.getString("text"),
                rs.getString("author_name"),
                (Integer) rs.getObject("offset_seconds", Integer.class),
                rs.getString("theme"),
                (Integer) rs.getObject("votes", Integer.class),
                AnswerStatus.valueOf(rs.getString("status")),
                rs.getString("answer"),
                rs.getBoolean("published"),
                rs.getString("source"));
    }
}

package org.parcours.library.qa;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the staging tables ({@code library_chat_*}) where an import waits for review; callers hold the
 * transaction. Every read by id also checks the owner, so one organiser never sees another's pending import.
 */
@Component
class ChatStaging {

    static final int MAX_THEME = 120;

    private static final String MESSAGE = """
            select position, line, clock, offset_seconds, author, text, selected, votes, merged_into, reply_to, theme,
                status
            from library_chat_message""";

    private static final String SUMMARY = """
            select i.id, i.session_id, i.format, i.file_name, i.direct_messages, i.skipped_items, i.truncated,
                i.problem_count, i.created_at,
                (select count(*) from library_chat_message m where m.import_id = i.id) as messages,
                (select count(*) from library_chat_message m where m.import_id = i.id and m.selected) as questions
            from library_chat_import i""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    ChatStaging(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void insertImport(String id, long sessionId, String owner, ParsedChat chat, String fileName, OffsetDateTime now) {
        jdbc.sql("""
                        insert into library_chat_import (id, session_id, owner, format, file_name, direct_messages,
                            skipped_items, truncated, problem_count, created_at)
                        values (:id, :s, :owner, :format, :file, :direct, :skipped, :truncated, :problems, :now)""")
                .param("id", id)
                .param("s", sessionId)
                .param("owner", owner)
                .param("format", chat.format().name())
                .param("file", fileName)
                .param("direct", chat.directMessages())
                .param("skipped", chat.skippedItems())
                .param("truncated", chat.truncated())
                .param("problems", chat.problemCount())
                .param("now", now)
                .update();
    }

    /** All the messages in JDBC batches: 20,000 rows in a few hundred milliseconds. */
    void insertMessages(String id, List<StagedMessage> messages) {
        SqlParameterSource[] rows = new SqlParameterSource[messages.size()];
        for (int i = 0; i < rows.length; i++) {
            StagedMessage m = messages.get(i);
            rows[i] = new MapSqlParameterSource()
                    .addValue("id", id)
                    .addValue("position", m.position())
                    .addValue("line", m.line())
                    .addValue("clock", m.clock())
                    .addValue("offset", m.offsetSeconds())
                    .addValue("author", m.author())
                    .addValue("text", m.text())
                    .addValue("selected", m.selected())
                    .addValue("votes", m.votes())
                    .addValue("merged", m.mergedInto())
                    .addValue("reply", m.replyTo())
                    .addValue("theme", m.theme())
                    .addValue("status", m.status().name());
        }
        batch.batchUpdate("""
                insert into library_chat_message (import_id, position, line, clock, offset_seconds, author, text, selected,
                    votes, merged_into, reply_to, theme, status)
                values (:id, :position, :line, :clock, :offset, :author, :text, :selected, :votes, :merged, :reply,
                    :theme, :status)""", rows);
    }

    void insertProblems(String id, List<ChatProblem> problems) {
        SqlParameterSource[] rows = new SqlParameterSource[problems.size()];
        for (int i = 0; i < rows.length; i++) {
            ChatProblem p = problems.get(i);
            rows[i] = new MapSqlParameterSource()
                    .addValue("id", id)
                    .addValue("position", i + 1)
                    .addValue("line", p.line())
                    .addValue("reason", p.reason())
                    .addValue("excerpt", p.excerpt());
        }
        batch.batchUpdate("""
                insert into library_chat_problem (import_id, position, line, reason, excerpt)
                values (:id, :position, :line, :reason, :excerpt)""", rows);
    }

    Optional<ImportSummary> summary(String id, String owner) {
        return jdbc.sql(SUMMARY + " where i.id = :id and i.owner = :owner")
                .param("id", id)
                .param("owner", owner)
                .query(ChatStaging::summary)
                .optional();
    }

    List<ImportSummary> pending(long sessionId, String owner) {
        return jdbc.sql(SUMMARY + " where i.session_id = :s and i.owner = :owner order by i.created_at desc")
                .param("s", sessionId)
                .param("owner", owner)
                .query(ChatStaging::summary)
                .list();
    }

    /** Locks the import row for the rest of the transaction; false when it is gone or someone else's. */
    boolean lock(String id, String owner) {
        return jdbc.sql("select id from library_chat_import where id = :id and owner = :owner for update")
                .param("id", id)
                .param("owner", owner)
                .query(String.class)
                .optional()
                .isPresent();
    }

    int count(String id, boolean questionsOnly) {
        return jdbc.sql("select count(*) from library_chat_message where import_id = :id"
                        + (questionsOnly ? " and selected" : ""))
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    List<StagedMessage> rows(String id, boolean questionsOnly, int offset, int limit) {
        return jdbc.sql(MESSAGE + " where import_id = :id" + (questionsOnly ? " and selected" : "")
                        + " order by position limit :limit offset :offset")
                .param("id", id)
                .param("limit", limit)
                .param("offset", offset)
                .query(ChatStaging::message)
                .list();
    }

    List<StagedMessage> rows(String id, Collection<Integer> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(MESSAGE + " where import_id = :id and position in (:p) order by position")
                .param("id", id)
                .param("p", positions)
                .query(ChatStaging::message)
                .list();
    }

    /** The messages that become questions on publish. */
    List<StagedMessage> questions(String id) {
        return jdbc.sql(MESSAGE + " where import_id = :id and selected and merged_into is null order by position")
                .param("id", id)
                .query(ChatStaging::message)
                .list();
    }

    /** What is merged into each target: how many messages, and the sum of their own votes. */
    Map<Integer, int[]> merged(String id, @Nullable Collection<Integer> targets) {
        if (targets != null && targets.isEmpty()) {
            return Map.of();
        }
        Map<Integer, int[]> merged = new HashMap<>();
        jdbc.sql("""
                        select merged_into, count(*) as n, coalesce(sum(votes), 0) as v from library_chat_message
                        where import_id = :id and merged_into is not null""" + (targets == null ? "" : " and merged_into in (:t)") + " group by merged_into")
                .param("id", id)
                .param("t", targets == null ? List.of(0) : targets)
                .query((ResultSet rs) -> {
                    merged.put(rs.getInt("merged_into"), new int[] {rs.getInt("n"), rs.getInt("v")});
                });
        return merged;
    }

    List<ChatProblem> problems(String id) {
        return jdbc.sql(
                        "select line, reason, excerpt from library_chat_problem where import_id = :id order by position")
                .param("id", id)
                .query((rs, row) -> new ChatProblem(rs.getInt("line"), rs.getString("reason"), rs.getString("excerpt")))
                .list();
    }

    void update(String id, StagedMessage m) {
        jdbc.sql("""
                        update library_chat_message set selected = :selected, text = :text, votes = :votes,
                            theme = :theme, merged_into = :merged
                        where import_id = :id and position = :position""")
                .param("selected", m.selected())
                .param("text", m.text())
                .param("votes", m.votes())
                .param("theme", m.theme())
                .param("merged", m.mergedInto())
                .param("id", id)
                .param("position", m.position())
                .update();
    }

    /** The last question before {@code position}, for "merge into the previous question". */
    Optional<Integer> previousQuestion(String id, int position) {
        return jdbc.sql("""
                        select position from library_chat_message
                        where import_id = :id and position < :p and selected and merged_into is null
                        order by position desc limit 1""")
                .param("id", id)
                .param("p", position)
                .query(Integer.class)
                .optional();
    }

    void merge(String id, int position, int target) {
        jdbc.sql("""
                        update library_chat_message set merged_into = :t, selected = false
                        where import_id = :id and position = :p""").param("t", target).param("id", id).param("p", position).update();
    }

    /** Messages merged into a message that does not exist, is not a question, or is merged itself: [position, target]. */
    List<int[]> badMerges(String id) {
        return jdbc.sql("""
                        select m.position, m.merged_into from library_chat_message m
                        left join library_chat_message t on t.import_id = m.import_id and t.position = m.merged_into
                        where m.import_id = :id and m.merged_into is not null
                            and (t.position is null or not t.selected or t.merged_into is not null)
                        order by m.position""")
                .param("id", id)
                .query((rs, row) -> new int[] {rs.getInt(1), rs.getInt(2)})
                .list();
    }

    boolean exists(String id, int position) {
        return jdbc.sql("select count(*) from library_chat_message where import_id = :id and position = :p")
                        .param("id", id)
                        .param("p", position)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    void delete(String id) {
        jdbc.sql("delete from library_chat_message where import_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("delete from library_chat_problem where import_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("delete from library_chat_import where id = :id")
                .param("id", id)
                .update();
    }

    int deleteCreatedBefore(OffsetDateTime cutoff) {
        List<String> old = jdbc.sql("select id from library_chat_import where created_at < :cutoff")
                .param("cutoff", cutoff)
                .query(String.class)
                .list();
        old.forEach(this::delete);
        return old.size();
    }

    private static ImportSummary summary(ResultSet rs, int row) throws SQLException {
        return new ImportSummary(
                rs.getString("id"),
                rs.getLong("session_id"),
                ChatFormat.valueOf(rs.getString("format")),
                rs.getString("file_name"),
                rs.getInt("messages"),
                rs.getInt("questions"),
                rs.getInt("direct_messages"),
                rs.getInt("skipped_items"),
                rs.getInt("truncated"),
                rs.getInt("problem_count"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    private static StagedMessage message(ResultSet rs, int row) throws SQLException {
        return new StagedMessage(
                rs.getInt("position"),
                rs.getInt("line"),
                rs.getString("clock"),
                rs.getObject("offset_seconds", Integer.class),
                rs.getString("author"),
                rs.getString("text"),
                rs.getBoolean("selected"),
                rs.getObject("votes", Integer.class),
                rs.getObject("merged_into", Integer.class),
                rs.getObject("reply_to", Integer.class),
                rs.getString("theme"),
                AnswerStatus.valueOf(rs.getString("status")));
    }
}

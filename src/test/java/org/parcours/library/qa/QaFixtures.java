package org.parcours.library.qa;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Counts what a test left in the Q&A tables of one session, to prove refused input writes nothing. */
@TestComponent
public class QaFixtures {

    private final JdbcClient jdbc;

    QaFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long imports(long sessionId) {
        return count("select count(*) from library_chat_import where session_id = :s", sessionId);
    }

    public long stagedMessages(long sessionId) {
        return count("""
                select count(*) from library_chat_message m join library_chat_import i on i.id = m.import_id
                where i.session_id = :s""", sessionId);
    }

    public long questions(long sessionId) {
        return count("select count(*) from library_qa_question where session_id = :s", sessionId);
    }

    private long count(String sql, long sessionId) {
        return jdbc.sql(sql).param("s", sessionId).query(Long.class).single();
    }
}

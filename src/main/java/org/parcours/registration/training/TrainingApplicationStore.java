package org.parcours.registration.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** SQL of training applications, questions and places. Callers hold the transaction. */
@Component
class TrainingApplicationStore {

    private final JdbcClient jdbc;

    TrainingApplicationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- questions

    List<TrainingQuestion> questions(long trainingId) {
        return jdbc.sql("""
                        select id, training_id, position, label, required from training_question
                        where training_id = :training order by position, id""")
                .param("training", trainingId)
                .query(TrainingQuestion.class)
                .list();
    }

    long addQuestion(long trainingId, String label, boolean required) {
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from training_question where training_id = :t")
                .param("t", trainingId)
                .query(Integer.class)
                .single();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into training_question (training_id, position, label, required)
                        values (:training, :position, :label, :required)""")
                .param("training", trainingId)
                .param("position", position)
                .param("label", label)
                .param("required", required)
                .update(key, "id");
        return java.util.Objects.requireNonNull(key.getKey()).longValue();
    }

    boolean removeQuestion(long trainingId, long questionId) {
        return jdbc.sql("delete from training_question where id = :id and training_id = :training")
                        .param("id", questionId)
                        .param("training", trainingId)
                        .update()
                == 1;
    }

    // ---- applications

    /** Inserts the application unless the person already applied; returns its id when inserted. */
    Optional<Long> insert(long trainingId, long personId, ApplicationInput input, OffsetDateTime now) {
        int inserted = jdbc.sql("""
                        insert into training_application (training_id, person_id, name, email, organisation,
                            motivation, locale, status, version, created_at, updated_at)
                        values (:training, :person, :name, :email, :organisation, :motivation, :locale, 'PENDING', 1,
                            :now, :now)
                        on conflict do nothing""")
                .param("training", trainingId)
                .param("person", personId)
                .param("name", input.name())
                .param("email", input.email())
                .param("organisation", input.organisation())
                .param("motivation", input.motivation())
                .param("locale", input.locale().getLanguage())
                .param("now", now)
                .update();
        if (inserted == 0) {
            return Optional.empty();
        }
        return jdbc.sql("select id from training_application where training_id = :training and person_id = :person")
                .param("training", trainingId)
                .param("person", personId)
                .query(Long.class)
                .optional();
    }

    void insertAnswers(long applicationId, List<TrainingQuestion> questions, Map<Long, String> answers) {
        int position = 0;
        for (TrainingQuestion question : questions) {
            String answer = answers.getOrDefault(question.id(), "");
            jdbc.sql("""
                            insert into training_answer (application_id, position, question_id, label, answer)
                            values (:application, :position, :question, :label, :answer)""")
                    .param("application", applicationId)
                    .param("position", position++)
                    .param("question", question.id())
                    .param("label", question.label())
                    .param("answer", answer)
                    .update();
        }
    }

    List<TrainingApplication> list(long trainingId) {
        return list("training_id", trainingId);
    }

    List<TrainingApplication> listOfPerson(long personId) {
        return list("person_id", personId);
    }

    /** Applications with their answers, where {@code column} (a fixed name, never input) equals {@code value}. */
    private List<TrainingApplication> list(String column, long value) {
        Map<Long, List<TrainingApplication.Answer>> answers = new LinkedHashMap<>();
        jdbc.sql("""
                        select a.application_id, a.label, a.answer from training_answer a
                        join training_application t on t.id = a.application_id
                        where t.%s = :value order by a.application_id, a.position""".formatted(column))
                .param("value", value)
                .query((rs, row) -> {
                    answers.computeIfAbsent(rs.getLong("application_id"), k -> new ArrayList<>())
                            .add(new TrainingApplication.Answer(rs.getString("label"), rs.getString("answer")));
                    return Boolean.TRUE;
                })
                .list();
        return jdbc.sql(SELECT + " where %s = :value order by created_at, id".formatted(column))
                .param("value", value)
                .query((rs, row) -> application(rs, answers.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    Optional<TrainingApplication> find(long trainingId, long applicationId) {
        return jdbc.sql(SELECT + " where training_id = :training and id = :id")
                .param("training", trainingId)
                .param("id", applicationId)
                .query((rs, row) -> application(rs, List.of()))
                .optional();
    }

    /** Sets the status if it still is {@code from}; returns whether this call changed it. */
    boolean setStatus(long applicationId, ApplicationStatus from, ApplicationStatus to, OffsetDateTime now) {
        return jdbc.sql("""
                        update training_application set status = :to, version = version + 1, updated_at = :now
                        where id = :id and status = :from""")
                        .param("to", to.name())
                        .param("from", from.name())
                        .param("now", now)
                        .param("id", applicationId)
                        .update()
                == 1;
    }

    Map<ApplicationStatus, Integer> counts(long trainingId) {
        Map<ApplicationStatus, Integer> counts = new EnumMap<>(ApplicationStatus.class);
        for (ApplicationStatus status : ApplicationStatus.values()) {
            counts.put(status, 0);
        }
        jdbc.sql("select status, count(*) as n from training_application where training_id = :t group by status")
                .param("t", trainingId)
                .query((rs, row) -> Map.entry(ApplicationStatus.valueOf(rs.getString("status")), rs.getInt("n")))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    void delete(long applicationId) {
        jdbc.sql("delete from training_application where id = :id")
                .param("id", applicationId)
                .update();
    }

    // ---- places

    void ensurePlaces(long trainingId) {
        jdbc.sql("insert into training_places (training_id, accepted) values (:t, 0) on conflict do nothing")
                .param("t", trainingId)
                .update();
    }

    /** Takes one place if one is left: one conditional UPDATE, exact under concurrency on both databases. */
    boolean takePlace(long trainingId, int capacity) {
        return jdbc.sql("update training_places set accepted = accepted + 1 where training_id = :t and accepted < :cap")
                        .param("t", trainingId)
                        .param("cap", capacity)
                        .update()
                == 1;
    }

    void releasePlace(long trainingId) {
        jdbc.sql("update training_places set accepted = accepted - 1 where training_id = :t and accepted > 0")
                .param("t", trainingId)
                .update();
    }

    int acceptedPlaces(long trainingId) {
        return jdbc.sql("select accepted from training_places where training_id = :t")
                .param("t", trainingId)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    private static final String SELECT = """
            select id, training_id, person_id, name, email, organisation, motivation, locale, status, version,
                created_at, updated_at
            from training_application""";

    private static TrainingApplication application(ResultSet rs, List<TrainingApplication.Answer> answers)
            throws SQLException {
        return new TrainingApplication(
                rs.getLong("id"),
                rs.getLong("training_id"),
                rs.getLong("person_id"),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("organisation"),
                rs.getString("motivation"),
                rs.getString("locale"),
                ApplicationStatus.valueOf(rs.getString("status")),
                rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                answers);
    }
}

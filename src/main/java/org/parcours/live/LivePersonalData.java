package org.parcours.live;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parcours.account.PersonErasing;
import org.parcours.account.PersonalDataContributor;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the live rooms hold about a person: in "export my data", everything they wrote; on erasure, their
 * participations are cut from their account (the name shown becomes a neutral one), their private takeaways and
 * attendance are deleted, and what they said in rooms stays as anonymous content of those rooms.
 */
@Component
class LivePersonalData implements PersonalDataContributor {

    static final String ERASED_NAME = "—";

    private final JdbcClient jdbc;

    LivePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "liveRooms";
    }

    @Override
    public Object export(long personId) {
        return Map.of(
                "questions", rows("""
                        select q.session_id, q.text, q.status, q.votes, q.created_at from live_question q
                        join live_participant p on p.id = q.participant_id where p.person_id = :who order by q.id""", personId),
                "chat", rows("""
                        select m.session_id, m.text, m.created_at from live_chat_message m
                        join live_participant p on p.id = m.participant_id where p.person_id = :who order by m.id""", personId),
                "takeaways", rows("""
                        select t.session_id, t.text, t.shared, t.created_at from live_takeaway t
                        join live_participant p on p.id = t.participant_id where p.person_id = :who order by t.id""", personId),
                "attendance", rows("""
                        select pr.session_id, pr.seat, pr.joined_at, pr.left_at from live_presence pr
                        join live_participant p on p.id = pr.participant_id where p.person_id = :who
                        order by pr.joined_at""", personId));
    }

    private List<Map<String, Object>> rows(String sql, long personId) {
        return jdbc.sql(sql).param("who", personId).query().listOfRows().stream()
                .map(row -> {
                    Map<String, Object> copy = new LinkedHashMap<>();
                    row.forEach((k, v) -> copy.put(k, v instanceof OffsetDateTime t ? t.toString() : v));
                    return copy;
                })
                .toList();
    }

    @EventListener
    void erase(PersonErasing erasing) {
        long personId = erasing.personId();
        String participants = "select id from live_participant where person_id = :who";
        jdbc.sql("delete from live_takeaway where not shared and participant_id in (" + participants + ")")
                .param("who", personId)
                .update();
        jdbc.sql("delete from live_presence where participant_id in (" + participants + ")")
                .param("who", personId)
                .update();
        jdbc.sql("""
                        update live_participant set person_id = null, guest_key = concat('erased-', id), nickname = :name
                        where person_id = :who""").param("name", ERASED_NAME).param("who", personId).update();
    }
}

package org.parcours.live;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who takes part in a room. Signed-in people take part under their name; guests (when the room lets them) under a
 * nickname, recognised by a random key kept in their HTTP session. Creation is race-safe: the unique constraints
 * decide, and the loser reads the winner's row.
 */
@Service
@Transactional
public class LiveParticipants {

    private static final String COLUMNS = "id, session_id, person_id, nickname, banned";

    private final JdbcClient jdbc;
    private final Clock clock;

    LiveParticipants(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Participant> find(long sessionId, long participantId) {
        return jdbc.sql("select " + COLUMNS + " from live_participant where id = :id and session_id = :s")
                .param("id", participantId)
                .param("s", sessionId)
                .query(Participant.class)
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<Participant> findForPerson(long sessionId, long personId) {
        return jdbc.sql("select " + COLUMNS + " from live_participant where session_id = :s and person_id = :p")
                .param("s", sessionId)
                .param("p", personId)
                .query(Participant.class)
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<Participant> findForGuest(long sessionId, String guestKey) {
        return jdbc.sql("select " + COLUMNS + " from live_participant where session_id = :s and guest_key = :g")
                .param("s", sessionId)
                .param("g", guestKey)
                .query(Participant.class)
                .optional();
    }

    /** The signed-in person's participation in the room, created on first use with their display name. */
    public Participant forPerson(long sessionId, long personId, String displayName) {
        return findForPerson(sessionId, personId).orElseGet(() -> {
            insert(sessionId, personId, null, nicknameOf(displayName));
            return findForPerson(sessionId, personId).orElseThrow();
        });
    }

    /** Joins (or renames) a guest; refuses a bad nickname. */
    public Participant joinAsGuest(long sessionId, String guestKey, String nickname) {
        String name = LiveTexts.nickname(nickname);
        Optional<Participant> existing = findForGuest(sessionId, guestKey);
        if (existing.isPresent()) {
            jdbc.sql("update live_participant set nickname = :n where id = :id")
                    .param("n", name)
                    .param("id", existing.get().id())
                    .update();
        } else {
            insert(sessionId, null, guestKey, name);
        }
        return findForGuest(sessionId, guestKey).orElseThrow();
    }

    /** Bans or lets a participant post again; false when they are not in that room. */
    public boolean setBanned(long sessionId, long participantId, boolean banned) {
        return jdbc.sql("update live_participant set banned = :b where id = :id and session_id = :s")
                        .param("b", banned)
                        .param("id", participantId)
                        .param("s", sessionId)
                        .update()
                == 1;
    }

    private void insert(long sessionId, @Nullable Long personId, @Nullable String guestKey, String nickname) {
        // A parallel request may create it first: nothing is inserted then, and the caller reads that row.
        jdbc.sql("""
                        insert into live_participant (session_id, person_id, guest_key, nickname, banned, created_at)
                        values (:s, :p, :g, :n, false, :now) on conflict do nothing""")
                .param("s", sessionId)
                .param("p", personId)
                .param("g", guestKey)
                .param("n", nickname)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    private static String nicknameOf(String displayName) {
        String name = displayName.strip();
        return name.length() > 60 ? name.substring(0, 60) : name;
    }
}

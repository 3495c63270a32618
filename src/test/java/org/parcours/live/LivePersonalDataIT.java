package org.parcours.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parcours.account.AccountErasure;
import org.parcours.account.Participants;
import org.parcours.account.Person;
import org.parcours.account.PersonalDataContributor;
import org.parcours.cycle.CycleFixtures;
import org.parcours.cycle.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** A person's live-room data in "export my data", and what erasing their account leaves in the rooms. */
@SpringBootTest(properties = "parcours.rate-limit.enabled=false")
@Import(CycleFixtures.class)
class LivePersonalDataIT {

    @Autowired
    CycleFixtures fixtures;

    @Autowired
    Participants people;

    @Autowired
    LiveParticipants participants;

    @Autowired
    QuestionService questions;

    @Autowired
    LivePresence presence;

    @Autowired
    List<PersonalDataContributor> contributors;

    @Autowired
    AccountErasure erasure;

    @Test
    void exportedThenErasedLeavingAnonymousContent() {
        Session session = fixtures.sessionFromNow(
                fixtures.publishedCycle("Data " + CycleFixtures.unique("c")), 1, "Personal", -5);
        Person person = people.findOrCreate("Nina Privée", "nina" + UUID.randomUUID() + "@live.test", Locale.FRENCH);
        Participant nina = participants.forPerson(session.id(), person.id(), person.displayName());
        QuestionView question = questions.ask(nina, "Is my question mine?");
        presence.left(presence.joined(session.id(), nina.id(), SeatKind.STREAM));

        PersonalDataContributor live = contributors.stream()
                .filter(c -> c.section().equals("liveRooms"))
                .findFirst()
                .orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> exported =
                (Map<String, List<Map<String, Object>>>) live.export(person.id());
        assertThat(exported.get("questions"))
                .extracting(row -> row.get("text"))
                .containsExactly("Is my question mine?");
        assertThat(exported.get("attendance")).hasSize(1);

        erasure.erase(person.id());

        assertThat(participants.findForPerson(session.id(), person.id())).isEmpty();
        QuestionView kept = questions.find(session.id(), question.id()).orElseThrow();
        assertThat(kept.text()).isEqualTo("Is my question mine?");
        assertThat(kept.nickname()).isEqualTo(LivePersonalData.ERASED_NAME);
        assertThat(presence.attendance(session.id())).isEmpty();
    }
}

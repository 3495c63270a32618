package org.parcours.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class ParticipantsIT {

    @Autowired
    Participants participants;

    @Test
    void createsAParticipantOnceAndKeepsTheFirstName() {
        String email = "Ana." + UUID.randomUUID() + "@Example.org";

        Person first = participants.findOrCreate(" Ana Lima ", email, Locale.FRENCH);
        Person again = participants.findOrCreate("Someone Else", email.toUpperCase(Locale.ROOT), Locale.ENGLISH);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.email()).isEqualTo(email.toLowerCase(Locale.ROOT));
        assertThat(again.displayName()).isEqualTo("Ana Lima");
        assertThat(again.role()).isEqualTo(Role.PARTICIPANT);
        assertThat(again.passwordHash()).isNull();
        assertThat(again.locale()).isEqualTo("fr");
    }

    @Test
    void concurrentSignUpsWithOneAddressCreateOnePerson() throws Exception {
        String email = "race-" + UUID.randomUUID() + "@example.org";
        List<Callable<Long>> tasks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tasks.add(() ->
                    participants.findOrCreate("Race", email, Locale.FRENCH).id());
        }
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Long> ids = new ArrayList<>();
            for (Future<Long> f : pool.invokeAll(tasks)) {
                ids.add(f.get());
            }
            assertThat(ids).hasSize(16).containsOnly(ids.getFirst());
        }
    }
}

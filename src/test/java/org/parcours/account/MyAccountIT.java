package org.parcours.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** "My account": profile changes, the personal data export and account deletion, with a real signed-in session. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MyAccountIT.Listeners.class)
class MyAccountIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    Participants participants;

    @Autowired
    PersonRepository people;

    @Autowired
    AccountErasure erasure;

    @Autowired
    CurrentPerson currentPerson;

    @Autowired
    ErasingRecorder recorder;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    static String address() {
        return "m" + UUID.randomUUID().toString().replace("-", "") + "@account.test";
    }

    Person participant() {
        return participants.findOrCreate("Jeanne Martin", address(), Locale.FRENCH);
    }

    /** Signs in the way participants do: a sign-in link opened in the browser that asked for it. */
    MockHttpSession signedIn(Person person) throws Exception {
        String token = Secrets.random();
        String browser = Secrets.random();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                        insert into login_token (person_id, token_hash, browser_hash, created_at, expires_at)
                        values (:p, :t, :b, :now, :expires)""")
                .param("p", person.id())
                .param("t", Secrets.hash(token))
                .param("b", Secrets.hash(browser))
                .param("now", now)
                .param("expires", now.plus(Duration.ofMinutes(15)))
                .update();
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/signin/" + token).session(session).cookie(new Cookie("PARCOURS_SIGNIN", browser)))
                .andExpect(redirectedUrl("/me"));
        return session;
    }

    Document page(MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Nested
    class Profile {

        @Test
        void showsTheCurrentValuesAndTheSignedInHeader() throws Exception {
            Person person = participant();
            Document page = page(signedIn(person), "/me/account");

            assertThat(page.select("#f-displayName").attr("value")).isEqualTo("Jeanne Martin");
            assertThat(page.select("#f-email").attr("value")).isEqualTo(person.email());
            assertThat(page.select("#f-language option[selected]").attr("value"))
                    .isEqualTo("fr");
            assertThat(page.select("form[action=/me/account] input[name=_csrf]"))
                    .hasSize(1);
            assertThat(page.select("header a[href=/me]")).hasSize(1);
            assertThat(page.select("header form[action=/signout] input[name=_csrf]"))
                    .hasSize(1);
            assertThat(page.select("header a[href=/signin]")).isEmpty();
            assertThat(page.select("a[href=/me/account/export]")).hasSize(1);
            assertThat(page.select("a[href=/me/account/delete]")).hasSize(1);
        }

        @Test
        void savesNameAddressAndLanguageAndKeepsTheSessionSignedIn() throws Exception {
            Person person = participant();
            MockHttpSession session = signedIn(person);
            String newAddress = address();

            mvc.perform(post("/me/account")
                            .session(session)
                            .with(csrf())
                            .param("displayName", "  Jeanne Martin-Leroy ")
                            .param("email", newAddress.toUpperCase(Locale.ROOT))
                            .param("language", "en"))
                    .andExpect(redirectedUrl("/me/account?saved=1"))
                    .andExpect(header().stringValues(
                                    "Set-Cookie",
                                    org.hamcrest.Matchers.hasItem(
                                            org.hamcrest.Matchers.startsWith("parcours-lang=en"))));

            Person saved = people.findById(person.id()).orElseThrow();
            assertThat(saved.displayName()).isEqualTo("Jeanne Martin-Leroy");
            assertThat(saved.email()).isEqualTo(newAddress);
            assertThat(saved.locale()).isEqualTo("en");
            Document page = page(session, "/me/account?saved=1");
            assertThat(page.select("#f-email").attr("value")).isEqualTo(newAddress);
            assertThat(page.select("[role=status]")).isNotEmpty();
        }

        @Test
        void refusesBadValuesWith422AndSavesNothing() throws Exception {
            Person person = participant();
            Person other = participant();
            MockHttpSession session = signedIn(person);
            record Case(String name, String email, String language, String field, String message) {}
            List<Case> cases = List.of(
                    new Case(" ", person.email(), "fr", "displayName", "obligatoire"),
                    new Case("Jeanne", "jeanne@", "fr", "email", "n’est pas valide"),
                    new Case("Jeanne", "jeanne@yopmail.com", "fr", "email", "jetables"),
                    new Case("Jeanne", other.email(), "fr", "email", "déjà utilisée"),
                    new Case("Jeanne", person.email(), "de", "language", "français ou l’anglais"));
            for (Case c : cases) {
                Document page = Jsoup.parse(mvc.perform(post("/me/account")
                                .session(session)
                                .with(csrf())
                                .param("displayName", c.name())
                                .param("email", c.email())
                                .param("language", c.language()))
                        .andExpect(status().isUnprocessableContent())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
                assertThat(page.select("#f-" + c.field() + "-error").text())
                        .as(c.toString())
                        .contains(c.message());
                assertThat(page.select(".error-summary a[href=#f-" + c.field() + "]"))
                        .hasSize(1);
            }
            assertThat(people.findById(person.id()).orElseThrow()).isEqualTo(person);
            mvc.perform(post("/me/account").session(session).param("displayName", "X"))
                    .andExpect(status().isForbidden());
        }

        @Test
        void signingOutEndsTheSession() throws Exception {
            MockHttpSession session = signedIn(participant());
            mvc.perform(post("/signout").session(session).with(csrf()))
                    .andExpect(redirectedUrl("/signin?signedout=1"))
                    .andExpect(unauthenticated());
            Document signInPage = Jsoup.parse(mvc.perform(get("/signin?signedout=1"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            assertThat(signInPage.select("[role=status]").text()).isEqualTo("Vous êtes déconnecté.");
            mvc.perform(get("/me/account").session(session))
                    .andExpect(redirectedUrl("/signin?continue=%2Fme%2Faccount"));
        }

        @Test
        void currentPersonIsEmptyForVisitors() {
            assertThat(currentPerson.get()).isEmpty();
        }
    }

    @Nested
    class Export {

        @Test
        void downloadsEverySectionAsJson() throws Exception {
            Person person = participant();
            MockHttpSession session = signedIn(person);

            var response = mvc.perform(get("/me/account/export").session(session))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/json")))
                    .andExpect(header().string(
                                    "Content-Disposition",
                                    org.hamcrest.Matchers.startsWith("attachment; filename=\"parcours-data-")))
                    .andReturn()
                    .getResponse();
            JsonNode json = JsonMapper.builder().build().readTree(response.getContentAsByteArray());

            assertThat(json.path("format").asString()).isEqualTo("parcours-personal-data/1");
            JsonNode account = json.path("sections").path("account");
            assertThat(account.path("profile").path("name").asString()).isEqualTo("Jeanne Martin");
            assertThat(account.path("profile").path("email").asString()).isEqualTo(person.email());
            assertThat(account.path("profile").path("language").asString()).isEqualTo("fr");
            assertThat(account.path("profile").path("role").asString()).isEqualTo("PARTICIPANT");
            assertThat(account.path("profile").path("hasPassword").asBoolean()).isFalse();
            assertThat(account.path("profile").path("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
            assertThat(account.path("signInLinks").path("linksRequested").asLong())
                    .isEqualTo(1);
            assertThat(account.path("signInLinks").path("linksUsed").asLong()).isEqualTo(1);
            assertThat(json.path("sections")
                            .path("test-feature")
                            .path("personId")
                            .asLong())
                    .as("other features' contributors are gathered too")
                    .isEqualTo(person.id());
        }

        @Test
        void visitorsCannotExport() throws Exception {
            mvc.perform(get("/me/account/export"))
                    .andExpect(redirectedUrl("/signin?continue=%2Fme%2Faccount%2Fexport"));
        }
    }

    @Nested
    class Deletion {

        @Test
        void confirmationThenErasureAnonymisesSignsOutAndTellsOtherFeaturesFirst() throws Exception {
            Person person = participant();
            String email = person.email();
            MockHttpSession session = signedIn(person);
            MockHttpSession otherDevice = signedIn(person);

            Document confirm = page(session, "/me/account/delete");
            assertThat(confirm.select("form[action=/me/account/delete][method=post] input[name=_csrf]"))
                    .hasSize(1);

            Document done = Jsoup.parse(
                    mvc.perform(post("/me/account/delete").session(session).with(csrf()))
                            .andExpect(status().isOk())
                            .andExpect(unauthenticated())
                            .andReturn()
                            .getResponse()
                            .getContentAsString());
            assertThat(done.select("h1").text()).isEqualTo("Compte supprimé");
            assertThat(done.select("header a[href=/signin]")).hasSize(1);

            assertThat(recorder.seen).contains(new Seen(person.id(), email, true));
            var row = jdbc.sql("select email, display_name, password_hash, erased_at from person where id = :id")
                    .param("id", person.id())
                    .query()
                    .singleRow();
            assertThat(row.get("email")).isEqualTo("erased-" + person.id() + "@invalid");
            assertThat(row.get("display_name")).isEqualTo("—");
            assertThat(row.get("password_hash")).isNull();
            assertThat(row.get("erased_at")).isNotNull();
            assertThat(jdbc.sql("select count(*) from login_token where person_id = :id")
                            .param("id", person.id())
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(participants.findByEmail(email)).isEmpty();

            // The session on another device is no longer anyone's.
            mvc.perform(get("/me/account").session(otherDevice)).andExpect(redirectedUrl("/signin"));
            // The address is free again: signing up anew creates a new person.
            assertThat(participants.findOrCreate("Jeanne", email, Locale.FRENCH).id())
                    .isNotEqualTo(person.id());
        }

        @Test
        void aFailingListenerRollsTheWholeErasureBack() {
            Person person = participant();
            recorder.failFor.add(person.id());

            assertThatThrownBy(() -> erasure.erase(person.id())).isInstanceOf(IllegalStateException.class);

            assertThat(people.findById(person.id()).orElseThrow()).isEqualTo(person);
            assertThat(participants.findByEmail(person.email())).isPresent();
        }

        @Test
        @Transactional
        void theLastOrganiserCannotEraseTheirAccount() throws Exception {
            // Rolled back: within this transaction, nobody else organises.
            jdbc.sql("update person set role = 'PARTICIPANT' where role = 'ORGANISER'")
                    .update();
            Person organiser = people.save(
                    new Person(null, address(), "Seule Orga", null, Role.ORGANISER, "fr", OffsetDateTime.now(clock)));

            assertThat(erasure.mayErase(organiser.id())).isFalse();
            assertThatThrownBy(() -> erasure.erase(organiser.id()))
                    .isInstanceOf(AccountErasure.LastOrganiserException.class);
            Document page = Jsoup.parse(mvc.perform(get("/me/account/delete")
                            .with(user(organiser.email()).roles("ORGANISER")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            assertThat(page.select("[role=alert]").text()).contains("seule personne qui organise");
            assertThat(page.select("form[action=/me/account/delete]")).isEmpty();
            mvc.perform(post("/me/account/delete")
                            .with(user(organiser.email()).roles("ORGANISER"))
                            .with(csrf()))
                    .andExpect(status().isUnprocessableContent());

            Person second = people.save(
                    new Person(null, address(), "Autre Orga", null, Role.ORGANISER, "fr", OffsetDateTime.now(clock)));
            assertThat(erasure.mayErase(organiser.id())).isTrue();
            erasure.erase(organiser.id());
            assertThat(erasure.mayErase(second.id())).isFalse();
            assertThat(people.existsByRole(Role.ORGANISER)).isTrue();
        }
    }

    record Seen(long personId, String emailAtThatMoment, boolean inTransaction) {}

    /** Records {@link PersonErasing} as another feature would receive it; fails on demand. */
    static class ErasingRecorder {
        final List<Seen> seen = new CopyOnWriteArrayList<>();
        final Set<Long> failFor = ConcurrentHashMap.newKeySet();
        private final JdbcClient jdbc;

        ErasingRecorder(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @EventListener
        void on(PersonErasing event) {
            String email = jdbc.sql("select email from person where id = :id")
                    .param("id", event.personId())
                    .query(String.class)
                    .single();
            seen.add(new Seen(event.personId(), email, TransactionSynchronizationManager.isActualTransactionActive()));
            if (failFor.contains(event.personId())) {
                throw new IllegalStateException("listener failed on purpose");
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Listeners {
        @Bean
        ErasingRecorder erasingRecorder(JdbcClient jdbc) {
            return new ErasingRecorder(jdbc);
        }

        @Bean
        PersonalDataContributor testFeatureData() {
            return new PersonalDataContributor() {
                @Override
                public String section() {
                    return "test-feature";
                }

                @Override
                public Object export(long personId) {
                    return Map.of("personId", personId);
                }
            };
        }
    }
}

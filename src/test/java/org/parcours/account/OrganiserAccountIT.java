package org.parcours.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.transaction.TestTransaction;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organiser accounts end to end: the setup link printed in the log, sign-in and sign-out, and who may reach the
 * admin. Each test runs in a transaction that is rolled back, so the people it creates never leak into other
 * tests that share the database (and existing organisers can be set aside for the setup journey).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class OrganiserAccountIT {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    MockMvc mvc;

    @Autowired
    FirstOrganiserSetup setup;

    @Autowired
    PersonRepository people;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    JdbcClient jdbc;

    @Nested
    @ExtendWith(OutputCaptureExtension.class)
    class SetupLink {

        @BeforeEach
        void noOrganiserYet() {
            assertThat(TestTransaction.isActive())
                    .as("rolled back after each test")
                    .isTrue();
            // The database may be shared with other tests; within this rolled-back transaction nobody organises.
            jdbc.sql("update person set role = 'PARTICIPANT' where role = 'ORGANISER'")
                    .update();
        }

        @Test
        void printedLinkCreatesTheFirstOrganiserOnceAndSignsThemIn(CapturedOutput output) throws Exception {
            String link = setup.issueLinkIfNoOrganiser().orElseThrow();
            assertThat(link).matches("http://localhost:8080/setup/[A-Za-z0-9_-]{43}");
            assertThat(Arrays.stream(output.getAll().split("\\R")).filter(line -> line.contains(link)))
                    .singleElement()
                    .asString()
                    .contains("WARN");
            String path = link.substring(link.indexOf("/setup/"));
            String token = path.substring("/setup/".length());
            assertThat(jdbc.sql("select count(*) from setup_token where token_hash = :t")
                            .param("t", token)
                            .query(Long.class)
                            .single())
                    .as("only the hash is stored")
                    .isZero();

            Document form = Jsoup.parse(mvc.perform(get(path))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            assertThat(form.select("form[action=" + path + "] input[name=_csrf]"))
                    .hasSize(1);
            assertThat(form.select("input[name=password][type=password]")).hasSize(1);

            String email = "First." + UUID.randomUUID() + "@Example.org";
            MockHttpSession session = new MockHttpSession();
            MvcResult created = mvc.perform(post(path)
                            .session(session)
                            .with(csrf())
                            .param("displayName", "Camille Martin")
                            .param("email", email)
                            .param("password", PASSWORD)
                            .param("passwordConfirmation", PASSWORD))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/admin"))
                    .andExpect(authenticated().withRoles("ORGANISER"))
                    .andReturn();

            Person organiser = people.findByEmail(email.toLowerCase()).orElseThrow();
            assertThat(organiser.role()).isEqualTo(Role.ORGANISER);
            assertThat(organiser.displayName()).isEqualTo("Camille Martin");
            assertThat(organiser.passwordHash()).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");
            assertThat(organiser.passwordHash()).doesNotContain(PASSWORD);
            assertThat(passwordEncoder.matches(PASSWORD, organiser.passwordHash()))
                    .isTrue();

            MockHttpSession signedIn = (MockHttpSession) created.getRequest().getSession(false);
            mvc.perform(get("/admin").session(signedIn)).andExpect(status().isOk());

            // Single use: the same link is now a 404, for GET and POST.
            mvc.perform(get(path)).andExpect(status().isNotFound());
            mvc.perform(post(path)
                            .with(csrf())
                            .param("displayName", "Someone Else")
                            .param("email", "other." + UUID.randomUUID() + "@example.org")
                            .param("password", PASSWORD)
                            .param("passwordConfirmation", PASSWORD))
                    .andExpect(status().isNotFound());
            assertThat(setup.issueLinkIfNoOrganiser())
                    .as("no new link once an organiser exists")
                    .isEmpty();
        }

        @Test
        void aNewLinkReplacesTheOldOne() throws Exception {
            String first = setup.issueLink();
            String second = setup.issueLink();
            assertThat(second).isNotEqualTo(first);
            mvc.perform(get(first.substring(first.indexOf("/setup/")))).andExpect(status().isNotFound());
            mvc.perform(get(second.substring(second.indexOf("/setup/")))).andExpect(status().isOk());
        }

        @Test
        void unknownOrMalformedTokensAreNotFound() throws Exception {
            setup.issueLink();
            mvc.perform(get("/setup/" + "A".repeat(43))).andExpect(status().isNotFound());
            mvc.perform(get("/setup/short")).andExpect(status().isNotFound());
        }

        @Test
        void invalidInputIsShownAgainWith422AndCreatesNothing() throws Exception {
            String path = pathOf(setup.issueLink());
            String email = "weak." + UUID.randomUUID() + "@example.org";
            String html = mvc.perform(post(path)
                            .with(csrf())
                            .header("Accept-Language", "en")
                            .param("displayName", " ")
                            .param("email", email)
                            .param("password", "short")
                            .param("passwordConfirmation", "short"))
                    .andExpect(status().isUnprocessableContent())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            Document page = Jsoup.parse(html);
            assertThat(page.select(".error-summary a[href=#f-displayName]")).hasSize(1);
            assertThat(page.select("#f-password").attr("aria-invalid")).isEqualTo("true");
            assertThat(page.select("#f-password-error").text()).contains("at least 12 characters");
            assertThat(page.select("#f-password").attr("value"))
                    .as("passwords are not echoed")
                    .isEmpty();
            assertThat(page.select("#f-email").attr("value")).isEqualTo(email);

            String mismatch = mvc.perform(post(path)
                            .with(csrf())
                            .param("displayName", "Camille")
                            .param("email", email)
                            .param("password", PASSWORD)
                            .param("passwordConfirmation", PASSWORD + "!"))
                    .andExpect(status().isUnprocessableContent())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(Jsoup.parse(mismatch)
                            .select("#f-passwordConfirmation-error")
                            .text())
                    .isEqualTo("Les deux mots de passe ne sont pas identiques.");

            assertThat(people.findByEmail(email)).isEmpty();
            mvc.perform(get(path)).andExpect(status().isOk()); // the link still works
        }

        @Test
        void postingWithoutCsrfTokenIsForbidden() throws Exception {
            String path = pathOf(setup.issueLink());
            mvc.perform(post(path)
                            .param("displayName", "Camille")
                            .param("email", "x." + UUID.randomUUID() + "@example.org")
                            .param("password", PASSWORD)
                            .param("passwordConfirmation", PASSWORD))
                    .andExpect(status().isForbidden());
        }

        private static String pathOf(String link) {
            return link.substring(link.indexOf("/setup/"));
        }
    }

    @Nested
    class SignIn {

        private String email;

        @BeforeEach
        void anOrganiser() {
            email = "organiser." + UUID.randomUUID() + "@example.org";
            people.save(new Person(
                    null,
                    email,
                    "Dominique",
                    passwordEncoder.encode(PASSWORD),
                    Role.ORGANISER,
                    "fr",
                    OffsetDateTime.now()));
        }

        @Test
        void loginPageHasTheFormWithCsrf() throws Exception {
            Document page = Jsoup.parse(mvc.perform(get("/login"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            assertThat(page.select("form[action=/login][method=post] input[name=_csrf]"))
                    .hasSize(1);
            assertThat(page.select("input[name=email][autocomplete=username]")).hasSize(1);
            assertThat(page.select("input[name=password][type=password]")).hasSize(1);
        }

        @Test
        void rightPasswordSignsInAndLandsInTheAdmin() throws Exception {
            mvc.perform(post("/login")
                            .with(csrf())
                            .param("email", email.toUpperCase())
                            .param("password", PASSWORD))
                    .andExpect(redirectedUrl("/admin"))
                    .andExpect(authenticated().withUsername(email).withRoles("ORGANISER"));
        }

        @Test
        void wrongPasswordIsRefusedWithAMessage() throws Exception {
            mvc.perform(post("/login").with(csrf()).param("email", email).param("password", PASSWORD + "x"))
                    .andExpect(redirectedUrl("/login?error"))
                    .andExpect(unauthenticated());
            String html = mvc.perform(get("/login").queryParam("error", "").header("Accept-Language", "en"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(Jsoup.parse(html).select("[role=alert]").text()).isEqualTo("Wrong e-mail address or password.");
        }

        @Test
        void participantsCannotSignInWithAPassword() throws Exception {
            String participant = "participant." + UUID.randomUUID() + "@example.org";
            people.save(new Person(
                    null,
                    participant,
                    "Alex",
                    passwordEncoder.encode(PASSWORD),
                    Role.PARTICIPANT,
                    "fr",
                    OffsetDateTime.now()));
            mvc.perform(post("/login").with(csrf()).param("email", participant).param("password", PASSWORD))
                    .andExpect(redirectedUrl("/login?error"))
                    .andExpect(unauthenticated());
        }

        @Test
        void signingOutShowsAMessage() throws Exception {
            mvc.perform(post("/logout")
                            .with(csrf())
                            .with(org.springframework.security.test.web.servlet.request
                                    .SecurityMockMvcRequestPostProcessors.user(email)
                                    .roles("ORGANISER")))
                    .andExpect(redirectedUrl("/login?logout"));
            String html = mvc.perform(get("/login").queryParam("logout", ""))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(Jsoup.parse(html).select("[role=status]").text())
                    .isEqualTo("Vous êtes déconnecté de l’administration.");
        }
    }

    @Nested
    class AdminAccess {

        @Test
        void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
            mvc.perform(get("/admin")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
            mvc.perform(get("/admin/cycles/new")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }

        @Test
        @WithMockUser(roles = "PARTICIPANT")
        void participantsAreForbidden() throws Exception {
            mvc.perform(get("/admin")).andExpect(status().isForbidden());
        }
    }
}

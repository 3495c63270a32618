package org.parcours.registration.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.CycleEditor;
import org.parcours.cycle.CycleStatus;
import org.parcours.cycle.EditFields.TrainingFields;
import org.parcours.cycle.Training;
import org.parcours.mail.Outbox;
import org.parcours.registration.calendar.QueuedMail;
import org.parcours.web.RateLimiter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Training applications end to end: the organiser's questions, the public form, statuses, e-mails, capacity, CSV. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(QueuedMail.class)
class TrainingApplicationsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    CycleEditor editor;

    @Autowired
    TrainingApplications applications;

    @Autowired
    QueuedMail mails;

    @Autowired
    RateLimiter limiter;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    Training training;
    String ip;

    @BeforeEach
    void setUp() {
        limiter.reset();
        training = training(16, LocalDate.now().plusMonths(3), CycleStatus.PUBLISHED);
        // Each test posts from its own address, so rate-limit buckets never mix with other tests.
        ip = "198.51.100." + (1 + (int) (Math.random() * 250));
    }

    @AfterEach
    void forgetBuckets() {
        limiter.reset();
    }

    Training training(int capacity, LocalDate startsOn, CycleStatus status) {
        String slug = "formation-" + UUID.randomUUID().toString().substring(0, 8);
        return editor.createTraining(new TrainingFields(
                null,
                slug,
                "Maturité coopérative " + slug,
                "Trois jours",
                "",
                "Lyon",
                startsOn,
                startsOn.plusDays(2),
                capacity,
                "",
                status));
    }

    RequestPostProcessor from() {
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }

    MockHttpServletRequestBuilder application(String email, String... overrides) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("name", "Zoé Martin");
        fields.put("email", email);
        fields.put("organisation", "Coop des Pentes");
        fields.put("motivation", "Apprendre à coopérer.");
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder request =
                post("/trainings/{slug}/apply", training.slug()).with(csrf()).with(from());
        fields.forEach(request::param);
        return request;
    }

    static String email() {
        return "zoe-" + UUID.randomUUID().toString().substring(0, 8) + "@applications.test";
    }

    long applicationId(String email) {
        return jdbc.sql("select id from training_application where email = :email")
                .param("email", email)
                .query(Long.class)
                .single();
    }

    @Test
    void anApplicantAnswersTheOrganisersQuestionsAndIsMailedAtEachChange() throws Exception {
        var organiser = user("orga@applications.test").roles("ORGANISER");
        mvc.perform(post("/admin/trainings/{id}/questions", training.id())
                        .with(csrf())
                        .with(organiser)
                        .param("label", "Votre expérience de la coopération ?")
                        .param("required", "true"))
                .andExpect(redirectedUrl("/admin/trainings/" + training.id() + "/questions"))
                .andExpect(flash().attribute("flash", "application.admin.questionAdded"));
        mvc.perform(post("/admin/trainings/{id}/questions", training.id())
                        .with(csrf())
                        .with(organiser)
                        .param("label", "Un besoin particulier ?"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/trainings/{id}/questions", training.id())
                        .with(csrf())
                        .with(organiser)
                        .param("label", "  "))
                .andExpect(status().isUnprocessableContent());
        List<TrainingQuestion> questions = applications.questions(training.id());
        assertThat(questions)
                .extracting(TrainingQuestion::label, TrainingQuestion::required)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Votre expérience de la coopération ?", true),
                        org.assertj.core.groups.Tuple.tuple("Un besoin particulier ?", false));

        Document form = Jsoup.parse(mvc.perform(get("/trainings/{slug}/apply", training.slug()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(form.select("textarea[name=answer-" + questions.get(0).id() + "][required]"))
                .hasSize(1);
        assertThat(form.select("input[name=_csrf]")).hasSize(1);
        // The training page leads to the form.
        mvc.perform(get("/trainings/{slug}", training.slug()))
                .andExpect(result -> assertThat(Jsoup.parse(result.getResponse().getContentAsString())
                                .select("a[href=/trainings/" + training.slug() + "/apply]"))
                        .isNotEmpty());

        String email = email();
        mvc.perform(application(email, "answer-" + questions.get(0).id(), "Dix ans en SCOP."))
                .andExpect(redirectedUrl("/trainings/" + training.slug() + "/apply/sent"));
        mvc.perform(get("/trainings/{slug}/apply/sent", training.slug())).andExpect(status().isOk());

        long id = applicationId(email);
        TrainingApplication received = applications.applications(training.id()).getFirst();
        assertThat(received.status()).isEqualTo(ApplicationStatus.PENDING);
        assertThat(received.organisation()).isEqualTo("Coop des Pentes");
        assertThat(received.answers())
                .containsExactly(
                        new TrainingApplication.Answer("Votre expérience de la coopération ?", "Dix ans en SCOP."),
                        new TrainingApplication.Answer("Un besoin particulier ?", ""));
        Outbox.Message receipt = mails.get("training-application:" + id + ":v1");
        assertThat(receipt.entry().recipientAddress()).isEqualTo(email);
        assertThat(receipt.entry().subject()).isEqualTo("Candidature reçue : " + training.title());

        // Applying again with the same address: same answer, nothing new.
        mvc.perform(application(email, "answer-" + questions.get(0).id(), "Autre chose."))
                .andExpect(redirectedUrl("/trainings/" + training.slug() + "/apply/sent"));
        assertThat(applications.applications(training.id())).hasSize(1);
        assertThat(mails.keysTo(email)).hasSize(1);

        mvc.perform(post("/admin/trainings/{id}/applications/{app}/status", training.id(), id)
                        .with(csrf())
                        .with(organiser)
                        .param("status", "WAITLISTED"))
                .andExpect(flash().attribute("flash", "application.admin.changed"));
        mvc.perform(post("/admin/trainings/{id}/applications/{app}/status", training.id(), id)
                        .with(csrf())
                        .with(organiser)
                        .param("status", "ACCEPTED"))
                .andExpect(flash().attribute("flash", "application.admin.changed"));
        mvc.perform(post("/admin/trainings/{id}/applications/{app}/status", training.id(), id)
                        .with(csrf())
                        .with(organiser)
                        .param("status", "ACCEPTED"))
                .andExpect(flash().attribute("flash", "application.admin.unchanged"));
        assertThat(mails.get("training-application:" + id + ":v2").entry().subject())
                .isEqualTo("Liste d’attente : " + training.title());
        assertThat(mails.get("training-application:" + id + ":v3").entry().subject())
                .isEqualTo("Candidature acceptée : " + training.title());
        assertThat(mails.keysTo(email)).hasSize(3);
        assertThat(applications.acceptedPlaces(training.id())).isEqualTo(1);

        mvc.perform(post("/admin/trainings/{id}/applications/{app}/status", training.id(), id)
                        .with(csrf())
                        .with(organiser)
                        .param("status", "DECLINED"))
                .andExpect(status().is3xxRedirection());
        assertThat(applications.acceptedPlaces(training.id())).isZero();
        assertThat(mails.get("training-application:" + id + ":v4").entry().subject())
                .isEqualTo("Réponse à votre candidature : " + training.title());

        Document list = Jsoup.parse(mvc.perform(
                        get("/admin/trainings/{id}/applications", training.id()).with(organiser))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(list.select("#application-" + id).text())
                .contains("Zoé Martin")
                .contains("Refusée");
        assertThat(list.select("#application-" + id + " form input[name=_csrf]"))
                .hasSize(1);
    }

    @Test
    void removingAQuestionKeepsTheAnswersAlreadyGiven() throws Exception {
        var organiser = user("orga@applications.test").roles("ORGANISER");
        long question = applications.addQuestion(training.id(), "Une attente ?", false);
        String email = email();
        mvc.perform(application(email, "answer-" + question, "Du concret.")).andExpect(status().is3xxRedirection());

        mvc.perform(post("/admin/trainings/{id}/questions/{q}/delete", training.id(), question)
                        .with(csrf())
                        .with(organiser))
                .andExpect(flash().attribute("flash", "application.admin.questionRemoved"));
        mvc.perform(post("/admin/trainings/{id}/questions/{q}/delete", training.id(), question)
                        .with(csrf())
                        .with(organiser))
                .andExpect(status().isNotFound());

        assertThat(applications.questions(training.id())).isEmpty();
        assertThat(applications.applications(training.id()).getFirst().answers())
                .containsExactly(new TrainingApplication.Answer("Une attente ?", "Du concret."));
        mvc.perform(get("/admin/trainings/{id}/questions", training.id()).with(organiser))
                .andExpect(status().isOk());
    }

    @Test
    void badInputIsRefusedWithReasonsAndNothingIsSaved() throws Exception {
        long question = applications.addQuestion(training.id(), "Pourquoi maintenant ?", true);
        String email = email();

        String page = mvc.perform(post("/trainings/{slug}/apply", training.slug())
                        .with(csrf())
                        .with(from())
                        .param("name", " ")
                        .param("email", "pas-une-adresse")
                        .param("motivation", "x".repeat(4001)))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document html = Jsoup.parse(page);
        assertThat(html.select(".error-summary").text())
                .contains("Ce champ est obligatoire.")
                .contains("Saisissez une adresse e-mail valide")
                .contains("trop long")
                .contains("Répondez à la question « Pourquoi maintenant ? »");
        assertThat(html.select("#answer-" + question + "[aria-invalid=true]")).hasSize(1);
        assertThat(html.select("input[name=email]").attr("value")).isEqualTo("pas-une-adresse");

        mvc.perform(application(email, "answer-" + question, "a".repeat(TrainingQuestion.MAX_ANSWER + 1)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(application(email).header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("Answer the question “Pourquoi maintenant ?”"));
        assertThat(applications.applications(training.id())).isEmpty();
        assertThat(mails.keysTo(email)).isEmpty();

        // Without the CSRF token: refused.
        mvc.perform(post("/trainings/{slug}/apply", training.slug()).param("email", email))
                .andExpect(status().isForbidden());
    }

    @Test
    void draftClosedAndUnknownTrainingsTakeNoApplication() throws Exception {
        Training draft = training(5, LocalDate.now().plusMonths(1), CycleStatus.DRAFT);
        mvc.perform(get("/trainings/{slug}/apply", draft.slug())).andExpect(status().isNotFound());
        mvc.perform(post("/trainings/{slug}/apply", draft.slug()).with(csrf()).with(from()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/trainings/{slug}/apply", "inconnue-" + UUID.randomUUID()))
                .andExpect(status().isNotFound());

        training = training(5, LocalDate.now().minusDays(1), CycleStatus.PUBLISHED);
        mvc.perform(get("/trainings/{slug}/apply", training.slug()))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(Jsoup.parse(result.getResponse().getContentAsString())
                                .select("form[action$=/apply]"))
                        .isEmpty());
        mvc.perform(application(email()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("Les candidatures à cette formation sont closes."));
        assertThat(applications.applications(training.id())).isEmpty();
    }

    @Test
    void tooManyApplicationsFromOneAddressAreRefusedWithAClearMessage() throws Exception {
        String email = email();
        for (int i = 0; i < 30; i++) {
            mvc.perform(application(email)).andExpect(status().is3xxRedirection());
        }
        mvc.perform(application(email))
                .andExpect(status().isTooManyRequests())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("Trop de candidatures envoyées"));
    }

    @Test
    void acceptingNeverGivesMorePlacesThanTheCapacityEvenAllAtOnce() throws Exception {
        training = training(3, LocalDate.now().plusMonths(2), CycleStatus.PUBLISHED);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String email = email();
            applications.apply(
                    training, new ApplicationInput("Personne " + i, email, "", "Motivée", Map.of(), Locale.FRENCH));
            ids.add(applicationId(email));
        }

        CountDownLatch start = new CountDownLatch(1);
        List<Callable<TrainingApplications.Change>> accepts = ids.stream()
                .<Callable<TrainingApplications.Change>>map(id -> () -> {
                    start.await();
                    return applications.changeStatus(training, id, ApplicationStatus.ACCEPTED);
                })
                .toList();
        List<TrainingApplications.Change> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
            List<Future<TrainingApplications.Change>> futures =
                    accepts.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<TrainingApplications.Change> future : futures) {
                results.add(future.get());
            }
        }

        assertThat(results)
                .filteredOn(r -> r == TrainingApplications.Change.CHANGED)
                .hasSize(3);
        assertThat(results)
                .filteredOn(r -> r == TrainingApplications.Change.FULL)
                .hasSize(9);
        assertThat(applications.counts(training.id())).containsEntry(ApplicationStatus.ACCEPTED, 3);
        assertThat(applications.acceptedPlaces(training.id())).isEqualTo(3);
        assertThat(mails.count("training-application:")).isGreaterThanOrEqualTo(15);

        // A refused acceptance changed nothing and mailed nobody; releasing a place makes room for one more.
        long refused = ids.stream()
                .filter(id -> applications.applications(training.id()).stream()
                        .anyMatch(a -> a.id() == id && a.status() == ApplicationStatus.PENDING))
                .findFirst()
                .orElseThrow();
        assertThat(mails.byKey("training-application:" + refused + ":v2")).isEmpty();
        long accepted = applications.applications(training.id()).stream()
                .filter(a -> a.status() == ApplicationStatus.ACCEPTED)
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(applications.changeStatus(training, refused, ApplicationStatus.ACCEPTED))
                .isEqualTo(TrainingApplications.Change.FULL);
        assertThat(applications.changeStatus(training, accepted, ApplicationStatus.WAITLISTED))
                .isEqualTo(TrainingApplications.Change.CHANGED);
        assertThat(applications.changeStatus(training, refused, ApplicationStatus.ACCEPTED))
                .isEqualTo(TrainingApplications.Change.CHANGED);
        assertThat(applications.acceptedPlaces(training.id())).isEqualTo(3);
    }

    @Test
    void anErasedPersonsApplicationsGoAndTheirPlaceIsFreed() {
        String email = email();
        applications.apply(training, new ApplicationInput("Eve", email, "", "Motivée", Map.of(), Locale.ENGLISH));
        long id = applicationId(email);
        assertThat(applications.changeStatus(training, id, ApplicationStatus.ACCEPTED))
                .isEqualTo(TrainingApplications.Change.CHANGED);
        assertThat(mails.get("training-application:" + id + ":v2").entry().subject())
                .isEqualTo("Application accepted: " + training.title());
        long personId = applications.applications(training.id()).getFirst().personId();
        assertThat(applications.export(personId))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .hasSize(1);

        tx.executeWithoutResult(s -> events.publishEvent(new org.parcours.account.PersonErasing(personId)));

        assertThat(applications.applications(training.id())).isEmpty();
        assertThat(applications.acceptedPlaces(training.id())).isZero();
    }

    @Test
    void organisersExportTheApplicationsAsCsvSafeForSpreadsheets() throws Exception {
        String email = email();
        mvc.perform(application(email, "name", "=HYPERLINK(\"http://evil.example\",\"clic\")"))
                .andExpect(status().is3xxRedirection());

        var response = mvc.perform(get("/admin/trainings/{id}/applications.csv", training.id())
                        .with(user("orga@applications.test").roles("ORGANISER")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andReturn()
                .getResponse();
        byte[] bytes = response.getContentAsByteArray();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]})
                .isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"clic\"\")\";" + email);
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment");

        mvc.perform(get("/admin/trainings/{id}/applications.csv", training.id()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/trainings/{id}/applications.csv", training.id())
                        .with(user("someone@applications.test").roles("PARTICIPANT")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/trainings/{id}/applications", Long.MAX_VALUE)
                        .with(user("orga@applications.test").roles("ORGANISER")))
                .andExpect(status().isNotFound());
    }
}

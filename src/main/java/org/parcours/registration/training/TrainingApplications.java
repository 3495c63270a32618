package org.parcours.registration.training;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.parcours.account.Participants;
import org.parcours.account.Person;
import org.parcours.account.PersonErasing;
import org.parcours.account.PersonalDataContributor;
import org.parcours.cycle.Training;
import org.parcours.mail.MailService;
import org.parcours.mail.OutgoingMail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public API of training applications. Each method is one transaction; the e-mail to the applicant is queued
 * in it, so a change and its e-mail are saved together or not at all (idempotency key {@code
 * training-application:<id>:v<version>}: one e-mail per status change).
 */
@Service
public class TrainingApplications implements PersonalDataContributor {

    /** What {@link #apply} did. */
    public enum Applied {
        RECEIVED,
        /** The person had already applied: nothing changed and nothing was sent. */
        ALREADY_APPLIED
    }

    /** What {@link #changeStatus} did. */
    public enum Change {
        CHANGED,
        UNCHANGED,
        /** Every place is taken: the application keeps its status. */
        FULL,
        NOT_FOUND
    }

    private final TrainingApplicationStore store;
    private final Participants people;
    private final MailService mail;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String baseUrl;

    TrainingApplications(
            TrainingApplicationStore store,
            Participants people,
            MailService mail,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${parcours.base-url}") String baseUrl) {
        this.store = store;
        this.people = people;
        this.mail = mail;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    // ---- questions

    public List<TrainingQuestion> questions(long trainingId) {
        return store.questions(trainingId);
    }

    public long addQuestion(long trainingId, String label, boolean required) {
        return Objects.requireNonNull(tx.execute(s -> store.addQuestion(trainingId, label.strip(), required)));
    }

    public boolean removeQuestion(long trainingId, long questionId) {
        return Boolean.TRUE.equals(tx.execute(s -> store.removeQuestion(trainingId, questionId)));
    }

    // ---- applying

    /** Applications are open until the training's first day. */
    public boolean open(Training training) {
        return training.published() && LocalDate.now(clock).isBefore(training.startsOn());
    }

    /**
     * Records an application and mails the applicant that it was received. Applying twice changes nothing and
     * sends nothing (same answer to the caller, who must not tell a visitor whether an address already applied).
     */
    public Applied apply(Training training, ApplicationInput input) {
        long trainingId = Objects.requireNonNull(training.id());
        return Objects.requireNonNull(tx.execute(s -> {
            Person person = people.findOrCreate(input.name(), input.email(), input.locale());
            long personId = Objects.requireNonNull(person.id());
            Optional<Long> id = store.insert(trainingId, personId, input, now());
            if (id.isEmpty()) {
                return Applied.ALREADY_APPLIED;
            }
            store.insertAnswers(id.get(), store.questions(trainingId), input.answers());
            store.ensurePlaces(trainingId);
            queueNotice(
                    training,
                    id.get(),
                    input.name(),
                    input.email(),
                    input.locale(),
                    ApplicationStatus.PENDING,
                    1,
                    true);
            return Applied.RECEIVED;
        }));
    }

    // ---- organisers

    public List<TrainingApplication> applications(long trainingId) {
        return store.list(trainingId);
    }

    public Map<ApplicationStatus, Integer> counts(long trainingId) {
        return store.counts(trainingId);
    }

    /**
     * Sets an application's status and mails the applicant. Accepting takes one of the training's places, with a
     * conditional update the database serialises, so that however many organisers accept at once, no more people
     * are accepted than the capacity; leaving "accepted" gives the place back.
     */
    public Change changeStatus(Training training, long applicationId, ApplicationStatus to) {
        long trainingId = Objects.requireNonNull(training.id());
        return Objects.requireNonNull(tx.execute(s -> {
            Optional<TrainingApplication> found = store.find(trainingId, applicationId);
            if (found.isEmpty()) {
                return Change.NOT_FOUND;
            }
            ApplicationStatus from = found.get().status();
            if (from == to) {
                return Change.UNCHANGED;
            }
            // Conditional on the status we read: of two organisers changing the same application at once, one
            // wins and the other changes nothing (no place taken or released twice).
            if (!store.setStatus(applicationId, from, to, now())) {
                return Change.UNCHANGED;
            }
            store.ensurePlaces(trainingId);
            if (to == ApplicationStatus.ACCEPTED && !store.takePlace(trainingId, training.capacity())) {
                s.setRollbackOnly();
                return Change.FULL;
            }
            if (from == ApplicationStatus.ACCEPTED) {
                store.releasePlace(trainingId);
            }
            TrainingApplication application = found.get();
            queueNotice(
                    training,
                    applicationId,
                    application.name(),
                    application.email(),
                    Locale.forLanguageTag(application.locale()),
                    to,
                    application.version() + 1,
                    false);
            return Change.CHANGED;
        }));
    }

    /** Places taken by accepted applicants. */
    public int acceptedPlaces(long trainingId) {
        return store.acceptedPlaces(trainingId);
    }

    // ---- personal data

    @Override
    public String section() {
        return "trainingApplications";
    }

    @Override
    public Object export(long personId) {
        return store.listOfPerson(personId);
    }

    /** An erased person's applications go, and an accepted one gives its place back. */
    @EventListener
    void on(PersonErasing erasing) {
        tx.executeWithoutResult(s -> {
            for (TrainingApplication application : store.listOfPerson(erasing.personId())) {
                if (application.status() == ApplicationStatus.ACCEPTED) {
                    store.releasePlace(application.trainingId());
                }
                store.delete(application.id());
            }
        });
    }

    private void queueNotice(
            Training training,
            long applicationId,
            String name,
            String email,
            Locale locale,
            ApplicationStatus status,
            int version,
            boolean received) {
        ApplicationNotice notice = new ApplicationNotice(
                name,
                training.title(),
                baseUrl + "/trainings/" + training.slug(),
                training.startsOn(),
                training.endsOn(),
                training.place(),
                status,
                received);
        mail.queue(OutgoingMail.to(email, name)
                .locale(locale)
                .template("mail/training-application")
                .subject("mail.trainingApplication." + notice.kind() + ".subject", training.title())
                .model("notice", notice)
                .idempotencyKey("training-application:" + applicationId + ":v" + version)
                .category("training.application." + notice.kind())
                .build());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}

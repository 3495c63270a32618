package org.parcours.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleFiles;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.ImportResult;
import org.parcours.cycle.Session;
import org.parcours.live.LiveSeats;
import org.parcours.live.SeatKind;
import org.parcours.registration.RegistrationService;
import org.parcours.web.RateLimiter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The live room of the issue, in three browsers at once: an organiser opens the room from the session's admin page
 * and forces it open; Ana (conference seat) and Ben (stream seat), registered for the session and signed in with the
 * link mailed to them, open the live page. Ana asks, Ben sees the question appear without reloading and upvotes it,
 * the organiser marks it answered and both see it; Ben chats, the organiser runs a poll both answer, moves the agenda
 * to the closing segment and Ana shares what she takes away. Only Ana gets the conference button; nothing of the
 * third-party stream loads before a click. axe-core checks the live page of each, the room's admin page and the
 * presenter view.
 *
 * <p>Every wait is explicit and long ({@link BrowserSession#PATIENCE}): events cross the server-sent event stream
 * on a busy machine. Nothing is timed.
 */
class LiveRoomJourneyIT extends BrowserTest {

    private static final Pattern SIGN_IN_LINK = Pattern.compile("/signin/[A-Za-z0-9_-]{20,}");
    private static final String PASSWORD = "a long enough password for the room";
    private static final String CONFERENCE = "https://visio.example.org/salle-secrete-";
    private static final String YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";

    @Autowired
    CycleFiles cycleFiles;

    @Autowired
    CycleService cycles;

    @Autowired
    RegistrationService registrations;

    @Autowired
    LiveSeats seats;

    @Autowired
    RateLimiter rateLimiter;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    private Session session;
    private String livePath;
    private String conferenceUrl;

    /** A published cycle with one session in three days (so conference seats are not frozen yet). */
    @BeforeEach
    void aSessionWithTwoRegisteredParticipants() {
        rateLimiter.reset();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String slug = "direct-" + suffix;
        conferenceUrl = CONFERENCE + suffix;
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(3);
        ImportResult result = cycleFiles.importFile("""
                format: parcours-cycle/1
                slug: %s
                title: Salle en direct %s
                summary: Un cycle pour essayer la salle en direct.
                language: fr
                status: published
                timeZone: Europe/Paris
                sessions:
                  - slug: la-seance
                    title: La séance en direct %s
                    start: %sT18:00
                    durationMinutes: 60
                    livestreamUrl: %s
                    conferenceUrl: %s
                    seatCap: 10
                    agenda:
                      - kind: presentation
                        title: Exposé
                        minutes: 30
                      - kind: exchanges
                        title: Questions et échanges
                        minutes: 20
                      - kind: closing
                        title: Ce que je retiens
                        minutes: 10
                """.formatted(slug, suffix, suffix, day, YOUTUBE, conferenceUrl));
        assertThat(result).isInstanceOf(ImportResult.Imported.class);
        Cycle cycle = cycles.publishedCycle(slug).orElseThrow();
        session = cycles.session(cycle.id(), "la-seance").orElseThrow();
        livePath = "/cycles/" + slug + "/sessions/la-seance/live";
    }

    @Test
    void anOrganiserAndTwoParticipantsRunTheRoomTogether() {
        String ana = register("Ana Assise", true);
        String ben = register("Ben Direct", false);

        // the organiser finds the room from the session's admin page and opens it now (it would open 30 min before)
        BrowserSession organiser = mainBrowser("organiser");
        signInAsOrganiser(organiser);
        organiser.open("/admin/sessions/" + session.id());
        organiser.follow(organiser.find("main a[href='/admin/live/" + session.id() + "']"));
        assertThat(organiser.currentPath()).isEqualTo("/admin/live/" + session.id());
        assertThat(organiser.findAll("main a[href='/live/" + session.id() + "/presenter']"))
                .isNotEmpty();
        organiser.assertAccessible("live room settings");
        organiser.find("input[name=opening][value=OPEN]").click();
        organiser.follow(organiser.find("form[action='/admin/live/" + session.id() + "'] button[type=submit]"));
        assertThat(organiser.find(".flash").getText()).isNotBlank();
        organiser.follow(organiser.find("main a[href='" + livePath + "']"));
        assertThat(organiser.currentPath()).isEqualTo(livePath);

        BrowserSession seated = anotherBrowser("Ana (conference seat)");
        signIn(seated, ana);
        BrowserSession watching = anotherBrowser("Ben (stream seat)");
        signIn(watching, ben);

        // only the seated participant is given the conference link; nobody else's page carries it
        assertThat(seated.findAll("a[href='" + conferenceUrl + "']")).hasSize(1);
        assertThat(watching.source()).doesNotContain(conferenceUrl);
        assertThat(organiser.source()).doesNotContain(conferenceUrl);
        seated.assertAccessible("live page, seated participant");
        watching.assertAccessible("live page, stream participant");
        organiser.assertAccessible("live page, organiser");

        // presence: the organiser sees one person in the conference and one before the stream
        organiser.await(
                "presence counts 2 = 1 conference + 1 stream",
                d -> "1".equals(attribute(organiser, "#presence", "data-conference"))
                        && "1".equals(attribute(organiser, "#presence", "data-stream")));

        // Ana asks; Ben sees it appear without reloading his page, and upvotes it
        watching.js("window.liveJourneyMarker = 'not reloaded';");
        String text = "Comment coopérer quand on ne se connaît pas ? " + UUID.randomUUID();
        seated.find("#ask-text").sendKeys(text);
        seated.find("form.ask-form button[type=submit]").click();
        String questionId = watching.await("Ana's question on Ben's page", d -> questionIdWithText(watching, text));
        assertThat(watching.js("return window.liveJourneyMarker")).isEqualTo("not reloaded");
        String item = "#" + questionId;
        watching.click(item + " button.vote");
        watching.await(
                "Ben's vote acknowledged",
                d -> "true".equals(attribute(watching, item + " button.vote", "aria-pressed")));
        seated.await("one vote on Ana's page", d -> "1".equals(seated.text(item + " .vote-count")));

        // the organiser marks it answered; both participants see the change
        organiser.await(
                "the question on the organiser's page",
                d -> !organiser.findAll(item).isEmpty());
        organiser.click(item + " form[action$='/answered'] button");
        for (BrowserSession participant : List.of(seated, watching)) {
            participant.await(
                    "the question marked answered",
                    d -> "ANSWERED".equals(attribute(participant, item, "data-status")));
        }

        // chat: Ben writes, Ana reads it
        String message = "Bonjour à toutes et à tous " + UUID.randomUUID();
        watching.find("#chat-text").sendKeys(message);
        watching.find("form.chat-form button[type=submit]").click();
        seated.await(
                "Ben's chat message on Ana's page", d -> seated.text("#chat").contains(message));

        // a poll: prepared and opened by the organiser, answered by both, results live on the organiser's page
        String pollQuestion = "On continue la semaine prochaine ? " + UUID.randomUUID();
        organiser.find("details.poll-new summary").click();
        organiser.find("#poll-question").sendKeys(pollQuestion);
        organiser.find("#poll-options").sendKeys("Oui\nNon");
        organiser.find("details.poll-new button[type=submit]").click();
        String poll = "#" + organiser.await("the prepared poll", d -> pollIdWithQuestion(organiser, pollQuestion));
        organiser.click(poll + " form[action$='/open'] button");
        answerPoll(seated, poll, 0);
        answerPoll(watching, poll, 1);
        organiser.await(
                "two answers in the poll's results",
                d -> organiser.findAll(poll + " .bar-value").stream()
                                .map(WebElement::getText)
                                .filter(value -> value.startsWith("1 "))
                                .count()
                        == 2);

        // closing: the organiser moves the agenda on; Ana shares what she takes away, Ben sees it on the wall
        organiser.click("#agenda-panel .live-agenda > li:last-child button");
        seated.await("the takeaway form", d -> seated.find("form.takeaway-form").isDisplayed());
        String takeaway = "Coopérer commence par s’accorder sur les mots. " + UUID.randomUUID();
        seated.find("#takeaway-text").sendKeys(takeaway);
        seated.find("form.takeaway-form input[name=shared]").click();
        seated.find("form.takeaway-form button[type=submit]").click();
        watching.await("Ana's takeaway on the wall", d -> watching.text("#wall").contains(takeaway));
        assertThat(watching.js("return window.liveJourneyMarker")).isEqualTo("not reloaded");

        // every page again, now that it shows questions, chat, a poll with results and the wall
        watching.assertAccessible("live page with content, stream participant");
        organiser.assertAccessible("live page with content, organiser");
        organiser.open("/live/" + session.id() + "/presenter");
        assertThat(organiser.text("#questions")).contains(text);
        organiser.assertAccessible("presenter view");

        // the stream is a YouTube video: nothing from YouTube loads until Ana asks for it
        seated.assertAccessible("live page with content, seated participant");
        assertThat(seated.findAll("iframe")).isEmpty();
        assertThat(thirdPartyResources(seated)).isEmpty();
        WebElement load = seated.find(".live-stream button.embed-load");
        assertThat(load.isDisplayed()).isTrue();
        assertThat(seated.text(".live-stream .embed-notice")).contains("YouTube");
        load.click();
        WebElement frame = seated.await(
                "the player",
                d -> seated.findAll(".live-stream iframe").stream().findFirst().orElse(null));
        assertThat(frame.getAttribute("src")).startsWith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
        assertThat(frame.getAttribute("title")).isNotBlank();
    }

    /** Registers a person for the session through the registration service; returns their address. */
    private String register(String name, boolean conference) {
        String email = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "-" + UUID.randomUUID() + "@example.org";
        RegistrationService.Outcome outcome = registrations.register(new RegistrationService.Request(
                session.cycleId(),
                new RegistrationService.Registrant(name, email, Locale.FRENCH),
                false,
                Set.of(session.id()),
                conference));
        assertThat(seats.seatOf(session.id(), outcome.person().id()))
                .contains(conference ? SeatKind.CONFERENCE : SeatKind.STREAM);
        return email;
    }

    /** Signs a participant in with the link mailed to them, asking to come back to the live page. */
    private void signIn(BrowserSession who, String email) {
        who.open("/signin?continue=" + livePath);
        who.find("main input[name=email]").sendKeys(email);
        who.follow(who.find("main form button[type=submit]"));
        who.open(who.await("the sign-in link mailed to " + email, d -> latestSignInLink(email)));
        if (!who.currentPath().equals(livePath)) {
            who.open(livePath);
        }
        assertThat(who.findAll("form.ask-form")).as("%s may ask questions", who).hasSize(1);
    }

    private void signInAsOrganiser(BrowserSession organiser) {
        String email = "organiser-" + UUID.randomUUID() + "@example.org";
        jdbc.sql("""
                        insert into person (email, display_name, password_hash, role, locale, created_at)
                        values (:e, 'Organisatrice', :p, 'ORGANISER', 'fr', :now)""")
                .param("e", email)
                .param("p", passwords.encode(PASSWORD))
                .param("now", OffsetDateTime.now())
                .update();
        organiser.open("/login");
        organiser.find("#email").sendKeys(email);
        organiser.find("#password").sendKeys(PASSWORD);
        organiser.follow(organiser.find("form[action='/login'] button[type=submit]"));
        assertThat(organiser.currentPath()).isEqualTo("/admin");
    }

    private String latestSignInLink(String address) {
        List<String> bodies = jdbc.sql("""
                        select text_body from mail_message
                        where recipient_address = :to and category like '%sign%' order by id desc""")
                .param("to", address.toLowerCase(Locale.ROOT))
                .query(String.class)
                .list();
        for (String body : bodies) {
            Matcher m = SIGN_IN_LINK.matcher(body);
            if (m.find()) {
                return m.group() + "?continue=" + livePath;
            }
        }
        return null;
    }

    private static void answerPoll(BrowserSession who, String poll, int option) {
        List<WebElement> choices = who.await("the open poll", d -> {
            List<WebElement> found = who.findAll(poll + " form input[name=option]");
            return found.size() == 2 ? found : null;
        });
        choices.get(option).click();
        who.click(poll + " form button[type=submit]");
        who.await("the poll answer acknowledged", d -> who.text("#live-status").contains("Réponse enregistrée"));
    }

    private static String questionIdWithText(BrowserSession who, String text) {
        return who.findAll("#questions > li").stream()
                .filter(li -> li.getText().contains(text))
                .map(li -> li.getAttribute("id"))
                .findFirst()
                .orElse(null);
    }

    private static String pollIdWithQuestion(BrowserSession who, String question) {
        return who.findAll("#polls > .poll").stream()
                .filter(poll -> poll.getText().contains(question))
                .map(poll -> poll.getAttribute("id"))
                .findFirst()
                .orElse(null);
    }

    private static String attribute(BrowserSession who, String css, String name) {
        List<WebElement> found = who.findAll(css);
        return found.isEmpty() ? null : found.getFirst().getAttribute(name);
    }

    /** Addresses the page has fetched from anywhere but the application itself. */
    @SuppressWarnings("unchecked")
    private static List<String> thirdPartyResources(BrowserSession who) {
        return (List<String>) who.js("""
                return performance.getEntriesByType('resource').map(e => e.name)
                    .filter(name => new URL(name).origin !== location.origin);""");
    }
}

package org.parcours.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parcours.cycle.CycleFiles;
import org.parcours.cycle.ImportResult;
import org.parcours.web.RateLimiter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registration journey of the issue, in a real browser: a visitor registers for a cycle whose only session has
 * one conference seat, gets it and a confirmation with a calendar invite; a second visitor is waitlisted; the first
 * one signs in with the link mailed to them, sees their seat in "my space" and cancels; the waitlisted visitor is
 * promoted and told by e-mail. No SMTP server is configured, so mails are read from the queue (the Outbox).
 */
class RegistrationJourneyIT extends BrowserTest {

    private static final Pattern SIGN_IN_LINK = Pattern.compile("/signin/[A-Za-z0-9_-]{20,}");

    @Autowired
    CycleFiles cycleFiles;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RateLimiter rateLimiter;

    private String slug;

    @BeforeEach
    void aCycleWithOneSeat() {
        rateLimiter.reset();
        slug = "inscription-" + UUID.randomUUID().toString().substring(0, 8);
        ImportResult result = cycleFiles.importFile("""
                format: parcours-cycle/1
                slug: %s
                title: Parcours d’essai %s
                summary: Un cycle pour essayer l’inscription.
                description: Une seule séance, une seule place en visioconférence.
                language: fr
                status: published
                timeZone: Europe/Paris
                schedule:
                  firstDate: next-thursday
                  time: "18:00"
                  everyDays: 7
                sessions:
                  - slug: unique
                    title: La seule séance
                    durationMinutes: 60
                    summary: Une heure ensemble.
                    livestreamUrl: https://stream.example.org/direct
                    conferenceUrl: https://visio.example.org/salle-secrete
                    seatCap: 1
                """.formatted(slug, slug));
        assertThat(result).isInstanceOf(ImportResult.Imported.class);
    }

    @Test
    void registerSignInByLinkCancelAndTheWaitlistedPersonIsPromoted() {
        String ana = "ana-" + UUID.randomUUID() + "@example.org";
        String ben = "ben-" + UUID.randomUUID() + "@example.org";

        register("Ana Lima", ana);
        assertThat(main().getText()).contains("La seule séance");
        assertThat(seatTexts()).anySatisfy(text -> assertThat(text).containsIgnoringCase("visioconférence"));
        assertAccessible("registration confirmation");
        assertThat(attachmentsOfMailsTo(ana))
                .anySatisfy(name -> assertThat(name).endsWith(".ics"));

        browser.manage().deleteAllCookies();
        register("Ben Diallo", ben);
        assertThat(seatTexts()).anySatisfy(text -> assertThat(text).containsIgnoringCase("attente"));
        assertThat(main().getText()).doesNotContain("salle-secrete");

        browser.manage().deleteAllCookies();
        open("/signin");
        browser.findElement(By.name("email")).sendKeys(ana);
        follow(browser.findElement(By.cssSelector("main form button[type=submit]")));
        String link = latestSignInLink(ana);
        open(link);
        assertThat(currentPath()).isEqualTo("/me");
        assertThat(main().getText()).contains("La seule séance");
        assertAccessible("my space");

        WebElement cancel = main().findElements(By.cssSelector("form[action^='/me/registrations/'] button")).stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cancel button in my space: " + main().getText()));
        follow(cancel);
        assertThat(currentPath()).isEqualTo("/me");

        List<String> categories = jdbc.sql("select category from mail_message where recipient_address = :to")
                .param("to", ben)
                .query(String.class)
                .list();
        assertThat(categories).anySatisfy(category -> assertThat(category).contains("promot"));
    }

    private void register(String name, String email) {
        open("/cycles/" + slug + "/register");
        browser.findElement(By.name("name")).sendKeys(name);
        browser.findElement(By.name("email")).sendKeys(email);
        browser.findElement(By.cssSelector("input[name=choice][value=cycle]")).click();
        browser.findElement(By.cssSelector("input[name=conference]")).click();
        browser.findElement(By.cssSelector("input[name=consent]")).click();
        assertAccessible("registration form");
        follow(browser.findElement(By.cssSelector("form.registration-form button[type=submit]")));
        assertThat(currentPath()).as("after registering: %s", main().getText()).endsWith("/registered");
    }

    private List<String> seatTexts() {
        return main().findElements(By.cssSelector("li, tr, p")).stream()
                .map(WebElement::getText)
                .filter(text ->
                        text.contains("La seule séance") || text.toLowerCase().contains("place"))
                .toList();
    }

    private List<String> attachmentsOfMailsTo(String address) {
        return jdbc.sql("""
                        select a.filename from mail_attachment a join mail_message m on m.id = a.mail_id
                        where m.recipient_address = :to""").param("to", address).query(String.class).list();
    }

    private String latestSignInLink(String address) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> {
            List<String> bodies =
                    jdbc.sql("""
                            select text_body from mail_message
                            where recipient_address = :to and category like '%sign%' order by id desc""").param("to", address).query(String.class).list();
            for (String body : bodies) {
                Matcher m = SIGN_IN_LINK.matcher(body);
                if (m.find()) {
                    return m.group();
                }
            }
            return null;
        });
    }
}

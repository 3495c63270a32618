package org.parcours.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleFixtures;
import org.parcours.cycle.Session;
import org.parcours.library.search.SearchService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The Q&A journey of the issue in a real browser: an organiser imports the Zoom sample into a session, reviews the
 * messages (unticks one, gives a theme), publishes; a visitor sees the questions on the session page and follows a
 * permalink, then finds one of them by searching accent-less words. axe-core checks the organisers' Q&A page, the
 * review page, the session page and the search results.
 */
@Import(CycleFixtures.class)
class ChatImportJourneyIT extends BrowserTest {

    private static final Path ZOOM_SAMPLE = Path.of("src/test/resources/library/chat/zoom-local-save.txt");
    private static final String PASSWORD = "a long enough password";

    @Autowired
    CycleFixtures cycles;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    SearchService search;

    private Cycle cycle;
    private Session session;
    private String email;

    @BeforeEach
    void aSessionAtTenAndAnOrganiser() {
        cycle = cycles.publishedCycle("Parcours Q&R " + CycleFixtures.unique("c"));
        session = cycles.session(
                cycle, 1, "La résilience des territoires", OffsetDateTime.parse("2020-04-02T08:00:00Z"), 60);
        email = "qa-browser-" + UUID.randomUUID() + "@example.org";
        jdbc.sql("insert into person (email, display_name, password_hash, role, locale, created_at)"
                        + " values (:e, 'Organisatrice', :p, 'ORGANISER', 'fr', :now)")
                .param("e", email)
                .param("p", passwords.encode(PASSWORD))
                .param("now", OffsetDateTime.now())
                .update();
    }

    @Test
    void organiserImportsTheZoomSampleSelectsQuestionsAndPublishesAndAVisitorSeesThem() {
        signInAsOrganiser();
        organiserImportsReviewsAndPublishes();
        browser.manage().deleteAllCookies();
        visitorSeesTheQuestionsOnTheSessionPage();
        visitorFindsAQuestionBySearchingAnAccentlessWord();
    }

    private void signInAsOrganiser() {
        open("/login");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        follow(browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")));
        assertThat(currentPath()).isEqualTo("/admin");
    }

    private void organiserImportsReviewsAndPublishes() {
        open("/admin/sessions/" + session.id());
        follow(main().findElement(By.cssSelector("a[href='/admin/sessions/" + session.id() + "/questions']")));
        assertAccessible("the organisers' Q&A page");

        browser.findElement(By.id("f-chat-file"))
                .sendKeys(ZOOM_SAMPLE.toAbsolutePath().toString());
        follow(main().findElement(By.cssSelector("form[action$='/import'] button[type=submit]")));
        assertThat(currentPath()).startsWith("/admin/chat-imports/");
        assertThat(heading()).contains("zoom-local-save.txt");
        assertThat(checkedQuestions()).isEqualTo(4);
        assertAccessible("the review of a chat import (questions)");

        follow(main().findElement(By.cssSelector("button[name=view][value=all]")));
        assertThat(main().findElements(By.cssSelector("table.qa-review-table tbody tr")))
                .hasSize(11);
        assertAccessible("the review of a chat import (all messages)");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('messages').scrollIntoView()");
        screenshot("qa-review.png");
        WebElement remark = browser.findElement(By.id("f-q-9"));
        assertThat(remark.isSelected()).isTrue();
        remark.click();
        browser.findElement(By.id("f-theme-7")).sendKeys("Résilience");
        follow(main().findElement(By.cssSelector("button[name=action][value=save]")));
        assertThat(browser.findElement(By.id("f-q-9")).isSelected()).isFalse();
        assertThat(browser.findElement(By.id("f-theme-7")).getAttribute("value"))
                .isEqualTo("Résilience");

        new Select(browser.findElement(By.id("f-authorDisplay"))).selectByValue("FIRST_NAME");
        follow(main().findElement(By.cssSelector("button[name=action][value=publish]")));
        assertThat(currentPath()).isEqualTo("/admin/sessions/" + session.id() + "/questions");
        assertThat(main().findElement(By.cssSelector(".flash")).getText()).contains("3 questions");
        assertThat(main().findElements(By.cssSelector("table.qa-archive tbody tr")))
                .hasSize(3);
    }

    private void visitorSeesTheQuestionsOnTheSessionPage() {
        open("/cycles/" + cycle.slug() + "/sessions/" + session.slug());
        WebElement questions = main().findElement(By.cssSelector("section.qa"));
        assertThat(questions.findElements(By.cssSelector("li.qa-question"))).hasSize(3);
        assertThat(questions.getText())
                .contains("Comment mesure-t-on la résilience d'un territoire ?")
                .contains("Élodie")
                .doesNotContain("Roux")
                .doesNotContain("Pour moi la confiance");
        WebElement resilience = questions.findElement(By.xpath(".//li[contains(., 'résilience')]"));
        WebElement permalink = resilience.findElement(By.cssSelector("a.qa-permalink"));
        String anchor = permalink.getAttribute("href").replaceFirst(".*#", "");
        permalink.click();
        assertThat(browser.getCurrentUrl()).endsWith("#" + anchor);
        assertThat(resilience.getAttribute("id")).isEqualTo(anchor);
        assertAccessible("the session page with its questions");
        screenshot("qa-session.png");
    }

    /**
     * Search finds the published question by accent-less words typed in the header's search box, and its result
     * leads to the question on the session page.
     */
    private void visitorFindsAQuestionBySearchingAnAccentlessWord() {
        search.awaitIndexing(); // publishing announced the questions; the index applies it in the background
        open("/");
        WebElement box = browser.findElement(By.id("site-search-q"));
        box.sendKeys("resilience territoire indicateurs");
        box.sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> currentPath().equals("/search"));
        waitForPage();
        WebElement result = main().findElements(By.cssSelector("ol.search-results > li")).stream()
                .filter(li -> li.getText().contains("Comment mesure-t-on la résilience"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the question is not among the results: " + main().getText()));
        assertThat(result.findElements(By.tagName("mark")))
                .extracting(WebElement::getText)
                .anyMatch(word -> word.equalsIgnoreCase("résilience"));
        assertAccessible("search results for a question");
        follow(result.findElement(By.cssSelector("a[href*='#question-']")));
        assertThat(currentPath()).isEqualTo("/cycles/" + cycle.slug() + "/sessions/" + session.slug());
        String anchor = browser.getCurrentUrl().replaceFirst(".*#", "");
        assertThat(browser.findElement(By.id(anchor)).getText()).contains("Comment mesure-t-on la résilience");
    }

    /** Kept under target/ for a person to look at (not compared). */
    private void screenshot(String name) {
        try {
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long checkedQuestions() {
        return main().findElements(By.cssSelector("input[name=q]")).stream()
                .filter(WebElement::isSelected)
                .count();
    }
}

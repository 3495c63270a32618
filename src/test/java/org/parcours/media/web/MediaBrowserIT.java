package org.parcours.media.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleFixtures;
import org.parcours.cycle.Session;
import org.parcours.media.MediaChapters;
import org.parcours.media.MediaSamples;
import org.parcours.media.MediaUploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The replay in Debian's Chromium (headless): it plays from range requests, a chapter link seeks it, the French
 * subtitles show a cue there, and axe-core finds no accessibility violation on the page. Skipped when Chromium and
 * chromedriver are not installed, or with {@code -Dparcours.browser.tests=false}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(CycleFixtures.class)
class MediaBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    int port;

    @Autowired
    CycleFixtures cycles;

    @Autowired
    MediaUploads uploads;

    @Autowired
    MediaChapters chapters;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder passwords;

    WebDriver driver;
    String pageUrl;
    long sessionId;

    @BeforeEach
    void aSessionWithItsReplay() throws Exception {
        assumeTrue(!"false".equals(System.getProperty("parcours.browser.tests")), "browser tests turned off");
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "no Chromium here");
        Cycle cycle = cycles.publishedCycle("Browser replay");
        Session session = cycles.session(cycle, 1, "Les temps", OffsetDateTime.parse("2020-04-16T16:00:00Z"), 60);
        uploads.attachVideo(session.id(), new ByteArrayInputStream(MediaSamples.bytes("replay-sample.mp4")), "r.mp4");
        uploads.attachSubtitles(
                session.id(), "fr", new ByteArrayInputStream(MediaSamples.bytes("replay-sample.fr.vtt")), "fr.vtt");
        chapters.attachChapters(
                session.id(), new ByteArrayInputStream(MediaSamples.bytes("replay-sample.chapters.vtt")));
        uploads.attachSlides(
                session.id(), new ByteArrayInputStream(MediaSamples.bytes("slides-session3.pdf")), "s.pdf");
        sessionId = session.id();
        pageUrl = "http://127.0.0.1:" + port + "/cycles/" + cycle.slug() + "/sessions/" + session.slug();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--autoplay-policy=no-user-gesture-required",
                "--mute-audio",
                "--lang=fr");
        driver = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                        .usingAnyFreePort()
                        .build(),
                options);
    }

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @Test
    void chapterLinkSeeksThePlayerAndTheFrenchSubtitleShows() {
        driver.get(pageUrl + "?lang=fr");
        waiting()
                .until(d ->
                        ((Number) js("return document.getElementById('replay-player').readyState")).intValue() >= 1);
        assertThat(((Number) js("return document.getElementById('replay-player').duration")).doubleValue())
                .isGreaterThan(19);

        driver.findElement(By.partialLinkText("Présentation")).click();
        waiting()
                .until(d -> ((Number) js("return document.getElementById('replay-player').currentTime")).doubleValue()
                        >= 10);
        assertThat(driver.getCurrentUrl()).endsWith("#t=10");
        assertThat(js("return document.getElementById('replay-player').textTracks[0].mode"))
                .isEqualTo("showing");
        waiting().until(d -> js("""
                        const t = document.getElementById('replay-player').textTracks[0];
                        return t.activeCues && t.activeCues.length > 0 ? t.activeCues[0].text : null""") != null);
        assertThat((String) js("return document.getElementById('replay-player').textTracks[0].activeCues[0].text"))
                .contains("Coopérer demande du temps");
    }

    @Test
    void aDeepLinkStartsThePlayerThere() {
        driver.get(pageUrl + "?lang=fr#t=15.5");
        waiting()
                .until(d -> ((Number) js("return document.getElementById('replay-player').currentTime")).doubleValue()
                        >= 15.5);
    }

    @Test
    void thePageWithMediaHasNoAccessibilityViolation() {
        driver.get(pageUrl + "?lang=fr");
        waiting()
                .until(d ->
                        ((Number) js("return document.getElementById('replay-player').readyState")).intValue() >= 1);
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        assertThat(results.getViolations())
                .extracting(v -> v.getId() + ": " + v.getNodes().size())
                .isEmpty();
    }

    @Test
    void theOrganisersMediaPageHasNoAccessibilityViolation() throws Exception {
        String email = "media-browser-" + java.util.UUID.randomUUID() + "@example.org";
        jdbc.sql("insert into person (email, display_name, password_hash, role, locale, created_at)"
                        + " values (:e, 'Organiser', :p, 'ORGANISER', 'fr', :now)")
                .param("e", email)
                .param("p", passwords.encode("a long enough password"))
                .param("now", OffsetDateTime.now())
                .update();
        driver.get("http://127.0.0.1:" + port + "/login");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys("a long enough password");
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]"))
                .click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/admin"));
        driver.get("http://127.0.0.1:" + port + "/admin/sessions/" + sessionId + "/media");
        assertThat(driver.findElements(By.cssSelector("input[name=start]"))).hasSize(5);
        if (driver instanceof org.openqa.selenium.TakesScreenshot camera) {
            Files.createDirectories(Path.of("target"));
            Files.write(
                    Path.of("target/media-admin.png"), camera.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        }
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        assertThat(results.getViolations())
                .extracting(v -> v.getId() + ": " + v.getNodes().size())
                .isEmpty();
    }
}

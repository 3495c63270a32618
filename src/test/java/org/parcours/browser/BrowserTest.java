package org.parcours.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the end-to-end tests: the whole application on a random port of 127.0.0.1, driven by a real headless
 * Chromium (see {@link BrowserExtension}). Each test starts without cookies, so in French. Subclasses are
 * {@code *IT} classes; they create the data they need and never assume an empty database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserExtension.class)
public abstract class BrowserTest {

    @LocalServerPort
    private int port;

    protected WebDriver browser;

    private Browsers browsers;

    @BeforeEach
    final void attachBrowser(WebDriver driver, Browsers more) {
        this.browser = driver;
        this.browsers = more;
        // Cookies can only be cleared for the site the browser shows.
        open("/");
        driver.manage().deleteAllCookies();
    }

    /** The shared browser as a {@link BrowserSession}, for journeys that use several browsers. */
    protected final BrowserSession mainBrowser(String name) {
        return new BrowserSession(name, browser, this::url);
    }

    /**
     * One more browser with its own profile (cookies, session, storage), for journeys with several people at once;
     * started now, quit when the test class ends.
     */
    protected final BrowserSession anotherBrowser(String name) {
        return new BrowserSession(name, browsers.open(), this::url);
    }

    protected final String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Opens a path of the application and waits until the document is loaded. */
    protected final void open(String path) {
        browser.get(url(path));
        waitForPage();
    }

    /** Clicks a link or button and waits for the page it leads to. */
    protected final void follow(WebElement link) {
        WebElement html = browser.findElement(By.tagName("html"));
        link.click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(PageLeft.of(html));
        waitForPage();
    }

    protected final void waitForPage() {
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** The path of the current URL, without query or fragment. */
    protected final String currentPath() {
        return URI.create(browser.getCurrentUrl()).getPath();
    }

    protected final WebElement main() {
        return browser.findElement(By.tagName("main"));
    }

    protected final String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    protected final String documentLanguage() {
        return browser.findElement(By.tagName("html")).getAttribute("lang");
    }

    /** Links inside {@code <main>} whose path starts with {@code prefix}. */
    protected final List<WebElement> linksInMain(String prefix) {
        return main().findElements(By.cssSelector("a[href^='" + prefix + "']"));
    }

    /** Presses Tab from wherever the focus is and returns the newly focused element. */
    protected final WebElement pressTab() {
        new Actions(browser).sendKeys(Keys.TAB).perform();
        return browser.switchTo().activeElement();
    }

    protected final WebElement focused() {
        return browser.switchTo().activeElement();
    }

    protected final void assertAccessible(String page) {
        assertThat(browser.getTitle()).as("title of %s", page).isNotBlank();
        Accessibility.assertNoViolations(browser, page);
    }
}

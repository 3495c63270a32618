package org.parcours.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser in a journey with several people (see {@link Browsers}), with the helpers of
 * {@link BrowserTest} for it. Waits are explicit and generous (a busy two-core machine runs the application, three
 * browsers and the build at once); nothing here sleeps.
 */
public final class BrowserSession {

    /** How long a wait may last before the test fails: long, as it only costs time when something is wrong. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String name;
    private final WebDriver driver;
    private final UnaryOperator<String> url;

    BrowserSession(String name, WebDriver driver, UnaryOperator<String> url) {
        this.name = name;
        this.driver = driver;
        this.url = url;
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Opens a path of the application and waits until the document is loaded. */
    public BrowserSession open(String path) {
        driver.get(url.apply(path));
        waitForPage();
        return this;
    }

    /** Clicks a link or button and waits for the page it leads to. */
    public void follow(WebElement link) {
        WebElement html = driver.findElement(By.tagName("html"));
        link.click();
        waiting().until(PageLeft.of(html));
        waitForPage();
    }

    public void waitForPage() {
        waiting().until(d -> "complete".equals(js("return document.readyState")));
    }

    /** Waits until {@code condition} gives something other than null or false, and returns it. */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        return waiting().withMessage(() -> name + ": " + what).until(condition);
    }

    /**
     * A wait that also retries when an element it looked at was replaced meanwhile: live pages swap elements for new
     * versions of themselves as events arrive.
     */
    public WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Clicks the element matching {@code css}, found again if it was replaced just before the click. */
    public void click(String css) {
        await("click " + css, d -> {
            find(css).click();
            return true;
        });
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The text of the first element matching {@code css}, or "" when there is none. */
    public String text(String css) {
        List<WebElement> found = findAll(css);
        return found.isEmpty() ? "" : found.getFirst().getText();
    }

    public String currentPath() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    public String source() {
        return driver.getPageSource();
    }

    public void assertAccessible(String page) {
        assertThat(driver.getTitle()).as("title of %s", page).isNotBlank();
        Accessibility.assertNoViolations(driver, name + ": " + page);
    }
}

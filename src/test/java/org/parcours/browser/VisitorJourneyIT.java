package org.parcours.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.parcours.cycle.BrowserFixtures;
import org.parcours.cycle.BrowserFixtures.PublishedCycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;

/**
 * A visitor discovers a cycle: home page, the cycle, one of its sessions — by following links, as a person would —
 * then uses the keyboard and the language switch. Every page passes axe-core's WCAG 2.1 AA rules.
 */
class VisitorJourneyIT extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    MessageSource messages;

    @Test
    void aVisitorGoesFromTheHomePageToACycleAndOneOfItsSessions() {
        PublishedCycle cycle = BrowserFixtures.publishedCycleWithSessions(context);
        String cyclePath = "/cycles/" + cycle.slug();

        open("/");
        assertThat(documentLanguage()).isEqualTo("fr");
        assertAccessible("home page");

        List<WebElement> toCycle = main().findElements(By.cssSelector("a[href$='" + cyclePath + "']"));
        assertThat(toCycle)
                .as("links from the home page to the published cycle %s", cyclePath)
                .isNotEmpty();
        follow(toCycle.getFirst());
        assertThat(currentPath()).isEqualTo(cyclePath);
        assertThat(heading()).contains(cycle.title());
        assertAccessible("cycle page");

        String sessionTitle = cycle.sessionTitles().get(1);
        WebElement toSession = linksInMain(cyclePath + "/").stream()
                .filter(link -> link.getText().contains(sessionTitle))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no link from the cycle page to the session '" + sessionTitle
                        + "'; links in main: " + describe(main().findElements(By.tagName("a")))));
        follow(toSession);
        assertThat(currentPath()).startsWith(cyclePath + "/");
        assertThat(heading()).contains(sessionTitle);
        assertAccessible("session page");
    }

    @Test
    void theSkipLinkIsTheFirstStopOfTheKeyboardAndMovesFocusToTheContent() {
        open("/");

        WebElement first = pressTab();
        assertThat(first.getAttribute("class")).contains("skip-link");
        assertThat(first.getDomAttribute("href")).isEqualTo("#main");
        assertThat(first.isDisplayed()).as("skip link visible once focused").isTrue();
        assertThat(first.getText()).isEqualTo(message("layout.skip", Locale.FRENCH));

        new Actions(browser).sendKeys(Keys.ENTER).perform();
        assertThat(focused().getAttribute("id")).isEqualTo("main");
        assertThat(focused().getTagName()).isEqualTo("main");
    }

    @Test
    void theLanguageSwitchShowsThePageInEnglishAndBackInFrench() {
        PublishedCycle cycle = BrowserFixtures.publishedCycleWithSessions(context);
        String cyclePath = "/cycles/" + cycle.slug();
        open("/");
        follow(main().findElement(By.cssSelector("a[href$='" + cyclePath + "']")));
        assertThat(heading()).contains(cycle.title());
        assertThat(documentLanguage()).isEqualTo("fr");

        follow(browser.findElement(By.cssSelector(".lang-switch a[hreflang='en']")));
        assertThat(documentLanguage()).isEqualTo("en");
        assertThat(currentPath())
                .as("the switch keeps the visitor on the same page")
                .isEqualTo(cyclePath);
        assertThat(skipLinkText()).isEqualTo(message("layout.skip", Locale.ENGLISH));
        assertAccessible("cycle page in English");

        // The choice is remembered on the next page.
        follow(browser.findElement(By.cssSelector(".site-header a.brand")));
        assertThat(documentLanguage()).isEqualTo("en");
        assertThat(heading()).isEqualTo(message("home.title", Locale.ENGLISH));

        follow(browser.findElement(By.cssSelector(".lang-switch a[hreflang='fr']")));
        assertThat(documentLanguage()).isEqualTo("fr");
        assertThat(heading()).isEqualTo(message("home.title", Locale.FRENCH));
        assertThat(skipLinkText()).isEqualTo(message("layout.skip", Locale.FRENCH));
    }

    @Test
    void anUnknownCycleShowsAnAccessibleNotFoundPage() {
        open("/cycles/no-such-cycle-" + System.nanoTime());

        assertThat(heading()).isEqualTo(message("error.notFound.title", Locale.FRENCH));
        assertThat(main().findElement(By.cssSelector("a[href='/']")).isDisplayed())
                .isTrue();
        assertAccessible("404 page");
    }

    private String skipLinkText() {
        // The skip link is off screen until focused; read its text content rather than its rendered text.
        return browser.findElement(By.cssSelector("a.skip-link"))
                .getDomProperty("textContent")
                .strip();
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String describe(List<WebElement> links) {
        return links.stream()
                .map(link -> link.getDomAttribute("href") + " \"" + link.getText() + "\"")
                .toList()
                .toString();
    }
}

package org.parcours.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parcours.cycle.BrowserFixtures;
import org.parcours.cycle.BrowserFixtures.PublishedCycle;
import org.parcours.cycle.CycleService;
import org.parcours.library.search.SearchContentChanged;
import org.parcours.library.search.SearchService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A visitor searches from the search box in the header with the keyboard alone, types a word without its
 * accents, and follows a result to the session. The results page, an empty search and a search without results
 * pass axe-core's WCAG 2.1 AA rules.
 */
class SearchJourneyIT extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    CycleService cycles;

    @Autowired
    SearchService search;

    @Test
    void aVisitorSearchesFromTheHeaderWithTheKeyboardAndFollowsAResult() {
        PublishedCycle cycle = indexed(BrowserFixtures.publishedCycleWithSessions(context));
        String suffix = cycle.slug().substring(cycle.slug().lastIndexOf('-') + 1);
        String sessionPath =
                "/cycles/" + cycle.slug() + "/sessions/" + cycle.sessionSlugs().get(1);
        open("/");

        WebElement box = tabTo(e -> "site-search-q".equals(e.getAttribute("id")), 20);
        // "seance" without its accent, as typed on a keyboard without French keys
        box.sendKeys("seance 2 explore " + suffix);
        WebElement html = browser.findElement(By.tagName("html"));
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(PageLeft.of(html));
        waitForPage();

        assertThat(currentPath()).isEqualTo("/search");
        List<WebElement> results = main().findElements(By.cssSelector("ol.search-results > li"));
        assertThat(results).hasSize(1);
        WebElement link = results.getFirst().findElement(By.cssSelector("h2 a"));
        assertThat(link.getText()).isEqualTo(cycle.sessionTitles().get(1));
        assertThat(results.getFirst().findElements(By.tagName("mark")))
                .extracting(WebElement::getText)
                .contains("Séance", "explore");
        assertAccessible("search results");

        tabTo(e -> e.equals(link), 40);
        html = browser.findElement(By.tagName("html"));
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(PageLeft.of(html));
        waitForPage();

        assertThat(currentPath()).isEqualTo(sessionPath);
        assertThat(heading()).isEqualTo(cycle.sessionTitles().get(1));
    }

    @Test
    void anEmptySearchAndOneWithoutResultsAreAccessible() {
        open("/search");
        assertThat(heading()).isNotBlank();
        assertThat(main().findElements(By.cssSelector("ol.search-results"))).isEmpty();
        assertAccessible("empty search page");

        open("/search?lang=en&q=zzqqxxwwnothingatall");
        assertThat(main().findElement(By.cssSelector(".search-count")).getText())
                .startsWith("No results");
        assertAccessible("search without results, in English");
    }

    @Test
    void resultsOfSeveralKindsCanBeFilteredAndPaged() {
        PublishedCycle cycle = indexed(BrowserFixtures.publishedCycleWithSessions(context));
        String suffix = cycle.slug().substring(cycle.slug().lastIndexOf('-') + 1);

        // the suffix is in the titles of the cycle and of its three sessions (key points have their own titles)
        open("/search?q=" + suffix);
        assertThat(main().findElements(By.cssSelector(".search-kinds a"))).hasSize(3); // all, cycle, session
        assertAccessible("search results with kind filters");

        follow(main().findElement(By.cssSelector(".search-kinds a[href*='kind=session']")));
        List<WebElement> results = main().findElements(By.cssSelector("ol.search-results > li"));
        assertThat(results).hasSize(3);
        assertThat(results)
                .allSatisfy(
                        r -> assertThat(r.findElement(By.cssSelector(".badge")).getText())
                                .isEqualTo("Séance"));
        assertThat(currentPath()).isEqualTo("/search");
        assertAccessible("search results filtered by kind");
    }

    /** The fixtures write to the tables directly: announce the cycle as the cycle feature would. */
    private PublishedCycle indexed(PublishedCycle cycle) {
        long id = cycles.cycle(cycle.slug()).orElseThrow().id();
        context.publishEvent(new SearchContentChanged("cycle", id));
        search.awaitIndexing();
        return cycle;
    }

    private WebElement tabTo(java.util.function.Predicate<WebElement> target, int maxTabs) {
        for (int i = 0; i < maxTabs; i++) {
            WebElement element = pressTab();
            if (target.test(element)) {
                return element;
            }
        }
        throw new AssertionError("not reached with " + maxTabs + " presses of Tab");
    }
}

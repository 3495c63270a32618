package org.parcours.browser;

import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;

/**
 * "The browser has left the page this element belonged to": like {@code ExpectedConditions.stalenessOf}, but also
 * when Chromium, asked about the element in the middle of the navigation, answers "Node with given id does not
 * belong to the document" (an unknown error, not a stale reference) — which made journeys fail now and then.
 */
final class PageLeft implements ExpectedCondition<Boolean> {

    private final WebElement element;

    private PageLeft(WebElement element) {
        this.element = element;
    }

    static PageLeft of(WebElement element) {
        return new PageLeft(element);
    }

    @Override
    public Boolean apply(WebDriver driver) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "the page of " + element + " to be left";
    }
}

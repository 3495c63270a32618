package org.parcours.browser;

import static org.assertj.core.api.Assertions.fail;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import org.openqa.selenium.WebDriver;

/** axe-core checks against WCAG 2.1 level A and AA, run on the page the browser shows. */
public final class Accessibility {

    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Accessibility() {}

    /** Fails listing every violated rule with its impact and the CSS selectors of the offending elements. */
    public static void assertNoViolations(WebDriver driver, String page) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        if (results.isErrored()) {
            fail("axe-core could not analyse %s (%s): %s", page, driver.getCurrentUrl(), results.getErrorMessage());
        }
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            fail(
                    "%d accessibility rule(s) violated on %s (%s):%n%s",
                    violations.size(), page, driver.getCurrentUrl(), describe(violations));
        }
    }

    static String describe(List<Rule> violations) {
        StringBuilder report = new StringBuilder();
        for (Rule rule : violations) {
            report.append("- ")
                    .append(rule.getId())
                    .append(" [")
                    .append(rule.getImpact())
                    .append("] ")
                    .append(rule.getHelp())
                    .append(" (")
                    .append(rule.getHelpUrl())
                    .append(")\n");
            for (CheckedNode node : rule.getNodes()) {
                report.append("    at ").append(node.getTarget()).append(": ").append(node.getHtml());
                if (node.getFailureSummary() != null) {
                    report.append("\n      ").append(node.getFailureSummary().replace("\n", "\n      "));
                }
                report.append('\n');
            }
        }
        return report.toString();
    }
}

package org.parcours.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleFixtures;
import org.parcours.cycle.Session;
import org.parcours.library.bibliography.BibliographyEditor;
import org.parcours.library.bibliography.Owner;
import org.parcours.library.bibliography.ReferenceFiles;
import org.parcours.library.bibliography.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A session page with a bibliography, in Chromium: every reference carries its COinS span (what Zotero's connector
 * looks for), the export links are reachable, and axe-core finds no WCAG 2.1 AA violation; the organiser's
 * bibliography page and the import preview pass too.
 */
@Import(CycleFixtures.class)
class BibliographyBrowserIT extends BrowserTest {

    @Autowired
    CycleFixtures cycles;

    @Autowired
    BibliographyEditor editor;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    Cycle cycle;
    Session session;

    @BeforeEach
    void aSessionWithTheSampleBibliography() {
        cycle = cycles.publishedCycle("Bibliographie en navigateur");
        session = cycles.session(cycle, 1, "Résilience", OffsetDateTime.parse("2020-04-02T16:00:00Z"), 60);
        editor.importAll(
                Owner.session(cycle.id(), session.id()),
                ReferenceFiles.read(Samples.bytes("cooperation.bib"), "cooperation.bib")
                        .data());
        editor.importAll(
                Owner.cycle(cycle.id()),
                ReferenceFiles.read(Samples.bytes("cooperation.ris"), "cooperation.ris")
                        .data());
    }

    @Test
    void theSessionPageShowsTheBibliographyWithCoinsAndPassesAxe() throws Exception {
        open("/cycles/" + cycle.slug() + "/sessions/" + session.slug());

        List<WebElement> references = main().findElements(By.cssSelector("section.bibliography li.reference"));
        assertThat(references).hasSize(5);
        List<WebElement> coins = main().findElements(By.cssSelector("li.reference > span.Z3988"));
        assertThat(coins).hasSize(5);
        assertThat(coins.get(0).getAttribute("title"))
                .startsWith("ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Abook");
        assertThat(references.get(0).getAttribute("id")).startsWith("reference-");
        assertThat(references.get(2).findElement(By.cssSelector(".citation i")).getText())
                .isEqualTo("Introduction à la pensée complexe");
        assertThat(linksInMain("/cycles/" + cycle.slug() + "/sessions/" + session.slug() + "/references."))
                .hasSize(3);
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("document.getElementById('bibliography').scrollIntoView()");
        screenshot("bibliography-session.png");
        assertAccessible("session page with a bibliography");

        open("/cycles/" + cycle.slug());
        assertThat(main().findElements(By.cssSelector("section.bibliography span.Z3988")))
                .hasSize(4);
        assertAccessible("cycle page with a bibliography");
    }

    @Test
    void theOrganisersPagesPassAxe() throws Exception {
        String email = "bibliography-browser-" + UUID.randomUUID() + "@example.org";
        jdbc.sql("insert into person (email, display_name, password_hash, role, locale, created_at)"
                        + " values (:e, 'Organiser', :p, 'ORGANISER', 'fr', :now)")
                .param("e", email)
                .param("p", passwords.encode("a long enough password"))
                .param("now", OffsetDateTime.now())
                .update();
        open("/login");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys("a long enough password");
        follow(browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")));

        open("/admin/sessions/" + session.id() + "/references");
        assertThat(main().findElements(By.cssSelector(".reference-table tbody tr")))
                .hasSize(5);
        assertAccessible("organiser's bibliography page");

        Path file = Files.createTempFile("references", ".ris");
        Files.write(file, Samples.bytes("cooperation.ris"));
        browser.findElement(By.id("reference-file")).sendKeys(file.toString());
        follow(browser.findElement(By.cssSelector("form[action$='/import'] button[type=submit]")));
        assertThat(main().findElements(By.cssSelector(".reference-table tbody tr")))
                .hasSize(4);
        screenshot("bibliography-import-preview.png");
        assertAccessible("import preview");

        follow(browser.findElement(By.cssSelector("form[action$='/import/confirm'] button[type=submit]")));
        assertThat(main().findElements(By.cssSelector(".reference-table tbody tr")))
                .hasSize(9);
        open("/admin/sessions/" + session.id() + "/references/new");
        assertAccessible("new reference form");
    }

    private void screenshot(String name) throws Exception {
        if (browser instanceof TakesScreenshot camera) {
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", name), camera.getScreenshotAs(OutputType.BYTES));
        }
    }
}

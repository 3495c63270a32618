package org.parcours.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by Debian's chromedriver, headless and offline. The driver path is always given, so
 * Selenium Manager never runs (it would try to reach the network and write a cache under the home directory).
 */
final class Chromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /** {@code PARCOURS_BROWSER_TESTS=required} (environment) or {@code -Dparcours.browser.tests=required}. */
    static final String MODE_VARIABLE = "PARCOURS_BROWSER_TESTS";

    static final String MODE_PROPERTY = "parcours.browser.tests";

    private Chromium() {}

    static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    /** True when a missing browser must fail the build instead of skipping the browser tests (CI). */
    static boolean required() {
        String mode = System.getenv(MODE_VARIABLE);
        if (mode == null || mode.isBlank()) {
            mode = System.getProperty(MODE_PROPERTY, "auto");
        }
        return "required".equals(mode.trim().toLowerCase(Locale.ROOT));
    }

    static String missingMessage() {
        return "Browser tests need Debian's Chromium and chromedriver (" + BINARY + ", " + DRIVER + "), not found."
                + " Install them with: apt-get install chromium chromium-driver";
    }

    /** A fresh headless browser with its own empty profile, deleted again by {@link Session#close()}. */
    static Session start() {
        Path profile;
        try {
            profile = Files.createTempDirectory("parcours-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,900",
                // offline: any host name but the application's fails to resolve, so a page can never reach a third
                // party (an embed loaded by a test stays an error page instead of a real player)
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
                "--lang=fr-FR",
                "--user-data-dir=" + profile);
        // A French-speaking visitor, whatever the machine's locale: French is Parcours' default language.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Session(driver, profile);
    }

    /** One running browser; closing it quits the browser and removes its profile directory. */
    record Session(WebDriver driver, Path profile) implements AutoCloseable {

        @Override
        public void close() {
            try {
                driver.quit();
            } finally {
                deleteRecursively(profile);
            }
        }

        private static void deleteRecursively(Path dir) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // A leftover temp directory is not worth failing a test run for.
            }
        }
    }
}

package org.parcours.browser;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.openqa.selenium.WebDriver;

/**
 * Gives browser tests a {@link WebDriver} parameter: one headless Chromium shared by every browser test of the
 * run, quit when the run ends; and a {@link Browsers} parameter for journeys that need more independent browsers,
 * quit when their test class ends.
 *
 * <p>Without Chromium the browser tests are skipped with a message saying what to install, so {@code ./mvnw
 * verify} passes on a machine that has only a JDK. With {@code PARCOURS_BROWSER_TESTS=required} (set by
 * {@code .ci/run}) a missing browser fails them instead, so CI cannot pass without having run them.
 */
public final class BrowserExtension implements BeforeAllCallback, TestInstancePreConstructCallback, ParameterResolver {

    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        if (Chromium.installed()) {
            return;
        }
        if (Chromium.required()) {
            throw new ExtensionConfigurationException(
                    Chromium.missingMessage() + " Browser tests are required here (" + Chromium.MODE_VARIABLE + ").");
        }
    }

    /** Runs before the test instance exists, so a skipped test does not even start the application. */
    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factory, ExtensionContext context) {
        if (!Chromium.installed()) {
            String message = "Skipping browser tests. " + Chromium.missingMessage();
            if (WARNED.compareAndSet(false, true)) {
                // Printed once in the build output, not only in the test reports.
                System.out.println("[WARN] " + message);
            }
            Assumptions.abort(message);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == WebDriver.class || type == Browsers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == Browsers.class) {
            // the class's store is closed when the class ends: extra browsers do not outlive their journey
            ExtensionContext classContext =
                    context.getTestMethod().isPresent() ? context.getParent().orElse(context) : context;
            return classContext
                    .getStore(NAMESPACE)
                    .computeIfAbsent(Browsers.class, key -> new Browsers(), Browsers.class);
        }
        // The root store outlives every test class and closes the browser (AutoCloseable) at the end of the run.
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(Chromium.Session.class, key -> Chromium.start(), Chromium.Session.class)
                .driver();
    }
}

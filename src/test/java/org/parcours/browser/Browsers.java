package org.parcours.browser;

import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.WebDriver;

/**
 * More browsers for a journey with several people at once (an organiser and two participants): each one is a
 * separate Chromium with its own profile, so its own cookies, HTTP session and storage. They are started on first
 * use and quit when the test class ends (see {@link BrowserExtension}); the shared browser of {@link BrowserTest}
 * is not one of them.
 */
public final class Browsers implements AutoCloseable {

    private final List<Chromium.Session> sessions = new ArrayList<>();

    /** Starts one more independent browser. */
    public synchronized WebDriver open() {
        Chromium.Session session = Chromium.start();
        sessions.add(session);
        return session.driver();
    }

    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        for (Chromium.Session session : sessions) {
            try {
                session.close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        sessions.clear();
        if (failure != null) {
            throw failure;
        }
    }
}

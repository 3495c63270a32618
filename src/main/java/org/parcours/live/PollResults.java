package org.parcours.live;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** Once a second, publishes the results of the polls that got answers (see {@link PollService}). */
@Component
class PollResults implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PollResults.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "live-poll-results");
        thread.setDaemon(true);
        return thread;
    });

    PollResults(PollService polls) {
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        polls.publishAnswered();
                    } catch (RuntimeException e) {
                        log.warn("Poll results not published", e);
                    }
                },
                1,
                1,
                TimeUnit.SECONDS);
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}

package org.parcours.registration.calendar;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs {@link Reminders} every {@code parcours.reminders.interval} when {@code parcours.reminders.enabled}. Several
 * nodes may run it at once: the mail queue's idempotency keys make that harmless.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReminderJob {

    private final Reminders reminders;
    private final ReminderSettings settings;

    ReminderJob(Reminders reminders, ReminderSettings settings) {
        this.reminders = reminders;
        this.settings = settings;
    }

    @Scheduled(
            initialDelayString = "${parcours.reminders.initial-delay:PT30S}",
            fixedDelayString = "${parcours.reminders.interval:PT1M}")
    void run() {
        if (settings.enabled()) {
            reminders.sendDue();
        }
    }
}

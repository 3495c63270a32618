package org.parcours.registration;

import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a change to seats in its own transaction, and runs it again when the database gave up on it because of a
 * lock (a deadlock chosen by PostgreSQL, a lock timeout on H2): seat changes lock counter rows and other people's
 * registrations (promotions), so under heavy contention a rare deadlock is possible. Everything the work did is
 * rolled back before the next attempt, e-mails included, so nothing happens twice.
 */
@Component
class Retrying {

    private static final int ATTEMPTS = 5;

    private final TransactionTemplate tx;

    Retrying(PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
    }

    <T> T inTransaction(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // Joining a caller's transaction: retrying is the caller's business.
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return Objects.requireNonNull(tx.execute(status -> work.get()));
            } catch (PessimisticLockingFailureException | QueryTimeoutException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(attempt * 5L);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}

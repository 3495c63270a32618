package org.parcours.registration;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key that signs links in e-mails. It is {@code parcours.secret} ({@code PARCOURS_SECRET}) when set. Otherwise
 * a random 256-bit key is generated at the first use, stored in the {@code app_secret} table (so every node and
 * every restart use the same one) and a warning says so: anyone who can read the database can then forge links.
 * Changing the key invalidates the links already mailed.
 *
 * <p>The key is loaded once the application context is ready (after the migrations), not at the first link: the
 * first use happens inside registration transactions, which must not wait for a second pooled connection.
 */
@Component
class SigningKey implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);
    static final String NAME = "link-signing";

    private final @Nullable String configured;
    private final JdbcClient jdbc;
    private final TransactionTemplate newTransaction;
    private final Clock clock;
    private volatile byte @Nullable [] key;

    SigningKey(
            @Value("${parcours.secret:}") @Nullable String configured,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.configured = configured == null || configured.isBlank() ? null : configured;
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        bytes();
    }

    byte[] bytes() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                k = key;
                if (k == null) {
                    k = load();
                    key = k;
                }
            }
        }
        return k;
    }

    private byte[] load() {
        if (configured != null) {
            if (configured.length() < 32) {
                log.warn("parcours.secret (PARCOURS_SECRET) is shorter than 32 characters; use a long random value.");
            }
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        String stored = newTransaction.execute(status -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            int created = jdbc.sql("""
                            insert into app_secret (name, secret, created_at) values (:name, :secret, :now)
                            on conflict do nothing""")
                    .param("name", NAME)
                    .param("secret", Base64.getUrlEncoder().withoutPadding().encodeToString(random))
                    .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                    .update();
            if (created == 1) {
                log.warn("No parcours.secret (PARCOURS_SECRET) is set: generated a key for signed links and stored it"
                        + " in the database (table app_secret). Set PARCOURS_SECRET to a long random value to keep"
                        + " the key out of the database; changing it invalidates the links already mailed.");
            }
            return jdbc.sql("select secret from app_secret where name = :name")
                    .param("name", NAME)
                    .query(String.class)
                    .single();
        });
        return Base64.getUrlDecoder().decode(stored);
    }
}

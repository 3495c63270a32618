package org.parcours.registration.calendar;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secret tokens of personal feed links. A token is {@code HMAC-SHA256(key, "calendar-feed:" + personId + ":" +
 * salt)} in base64url: nothing secret is stored per person (the salt is useless without the key, and the table
 * keeps only the token's SHA-256 to find the person), yet the person can be shown the same link again at any time.
 * A new salt (reset) makes the old link stop working at once.
 *
 * <p>The key is {@code parcours.calendar.secret} when set (recommended in production: a stolen database alone then
 * does not give anyone's feed), otherwise a random key made on first use and kept in {@code calendar_key}. Changing
 * the configured secret invalidates every feed link; people find their new link in their space.
 */
@Component
class CalendarFeedTokens {

    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String configuredSecret;
    private final SecureRandom random = new SecureRandom();
    private volatile byte @Nullable [] key;

    CalendarFeedTokens(JdbcClient jdbc, Clock clock, @Value("${parcours.calendar.secret:}") String configuredSecret) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.configuredSecret = configuredSecret.strip();
    }

    /** The person's token, made (with a new salt) on first use. */
    @Transactional
    String token(long personId) {
        Optional<String> salt = salt(personId);
        if (salt.isEmpty()) {
            String fresh = newSalt();
            jdbc.sql("""
                            insert into calendar_feed (person_id, salt, token_hash, created_at)
                            values (:person, :salt, :hash, :now) on conflict do nothing""")
                    .param("person", personId)
                    .param("salt", fresh)
                    .param("hash", sha256(compute(personId, fresh)))
                    .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                    .update();
            salt = salt(personId);
        }
        String token = compute(personId, salt.orElseThrow());
        // After a change of the configured secret the stored hash is stale: store the one of the current token.
        jdbc.sql("update calendar_feed set token_hash = :hash where person_id = :person and token_hash <> :hash")
                .param("hash", sha256(token))
                .param("person", personId)
                .update();
        return token;
    }

    /** A new salt, hence a new token; the old one stops working. */
    @Transactional
    String reset(long personId) {
        token(personId);
        String fresh = newSalt();
        jdbc.sql("update calendar_feed set salt = :salt, token_hash = :hash where person_id = :person")
                .param("salt", fresh)
                .param("hash", sha256(compute(personId, fresh)))
                .param("person", personId)
                .update();
        return compute(personId, fresh);
    }

    /**
     * Whose feed a token opens: only a token computed with the current key and the person's current salt. Not
     * read-only: the first use of a stored key on a node may have to create it.
     */
    @Transactional
    Optional<Long> personOf(String token) {
        if (!TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("select person_id, salt from calendar_feed where token_hash = :hash")
                .param("hash", sha256(token))
                .query((rs, row) -> {
                    long person = rs.getLong("person_id");
                    byte[] expected = compute(person, rs.getString("salt")).getBytes(StandardCharsets.US_ASCII);
                    return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII))
                            ? Optional.of(person)
                            : Optional.<Long>empty();
                })
                .optional()
                .flatMap(found -> found);
    }

    @Transactional
    void forget(long personId) {
        jdbc.sql("delete from calendar_feed where person_id = :person")
                .param("person", personId)
                .update();
    }

    private Optional<String> salt(long personId) {
        return jdbc.sql("select salt from calendar_feed where person_id = :person")
                .param("person", personId)
                .query(String.class)
                .optional();
    }

    private String compute(long personId, String salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] digest = mac.doFinal(("calendar-feed:" + personId + ":" + salt).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    private byte[] key() {
        byte[] current = key;
        if (current != null) {
            return current;
        }
        if (!configuredSecret.isEmpty()) {
            current = configuredSecret.getBytes(StandardCharsets.UTF_8);
        } else {
            // Read first: most calls find the key, and need no write.
            Optional<String> stored = storedKey();
            if (stored.isEmpty()) {
                jdbc.sql("""
                                insert into calendar_key (id, secret, created_at)
                                values (1, :secret, :now) on conflict do nothing""")
                        .param("secret", newSalt() + newSalt())
                        .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                        .update();
                stored = storedKey();
            }
            current = stored.orElseThrow().getBytes(StandardCharsets.UTF_8);
        }
        key = current;
        return current;
    }

    private Optional<String> storedKey() {
        return jdbc.sql("select secret from calendar_key where id = 1")
                .query(String.class)
                .optional();
    }

    private String newSalt() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

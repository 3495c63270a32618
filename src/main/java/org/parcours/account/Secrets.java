package org.parcours.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Random secrets for links and cookies, and the hashes kept of them instead of the secrets themselves. */
final class Secrets {

    /** 32 random bytes in unpadded base64url. Anything else cannot be one of ours, so it is not even looked up. */
    static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean wellFormed(@Nullable String secret) {
        return secret != null && SHAPE.matcher(secret).matches();
    }

    /** Hex SHA-256, as stored in the database. */
    static String hash(String secret) {
        return FirstOrganiserSetup.sha256(secret);
    }

    /** Constant-time comparison of a secret with a stored hash; false when either is missing. */
    static boolean matches(@Nullable String secret, @Nullable String storedHash) {
        if (!wellFormed(secret) || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(
                hash(secret).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}

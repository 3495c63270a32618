package org.parcours.registration;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * One-click cancel links: {@code /registrations/cancel/<token>}, where the token names what it cancels and carries
 * an HMAC-SHA256 (truncated to 128 bits) of that name under {@link SigningKey}, so nobody can make one for a
 * registration that is not theirs. Two kinds:
 *
 * <ul>
 *   <li>{@code r<registrationId>-<activation>.<mac>}: one registration; a registration cancelled and taken up again
 *       has a new activation, so the links of the earlier one no longer work;
 *   <li>{@code a<cycleId>-<personId>.<mac>}: all of a person's registrations in a cycle.
 * </ul>
 *
 * Links are not single use: cancelling twice changes nothing. They carry no expiry: a cancel is refused anyway
 * once the session has started.
 */
@Component
public class CancelLinks {

    private static final String PURPOSE = "parcours.cancel-link.v1:";
    private static final Pattern TOKEN = Pattern.compile("([ra])(\\d{1,18})-(\\d{1,18})\\.([A-Za-z0-9_-]{22})");

    private final SigningKey key;

    CancelLinks(SigningKey key) {
        this.key = key;
    }

    /** What a valid token cancels. */
    public sealed interface Target {}

    /** One registration, as it was when the link was made. */
    public record One(long registrationId, int activation) implements Target {}

    /** All registrations of a person in a cycle. */
    public record All(long cycleId, long personId) implements Target {}

    public String path(Registration registration) {
        return "/registrations/cancel/" + token(registration);
    }

    public String pathForAll(long cycleId, long personId) {
        return "/registrations/cancel/" + tokenForAll(cycleId, personId);
    }

    String token(Registration registration) {
        return sign("r" + registration.id() + "-" + registration.activation());
    }

    String tokenForAll(long cycleId, long personId) {
        return sign("a" + cycleId + "-" + personId);
    }

    /** The target of a well-formed token with a valid signature; empty for anything else. */
    public Optional<Target> verify(String token) {
        Matcher m = TOKEN.matcher(token);
        if (!m.matches()) {
            return Optional.empty();
        }
        String payload = m.group(1) + m.group(2) + "-" + m.group(3);
        // Compared as text, in constant time: only the canonical encoding of the right MAC is accepted.
        byte[] expected = encode(mac(payload)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, m.group(4).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            long a = Long.parseLong(m.group(2));
            long b = Long.parseLong(m.group(3));
            return Optional.of("r".equals(m.group(1)) ? new One(a, Math.toIntExact(b)) : new All(a, b));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    private String sign(String payload) {
        return payload + "." + encode(mac(payload));
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private byte[] mac(String payload) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
            byte[] full = hmac.doFinal((PURPOSE + payload).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(full, 16);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is available in every Java runtime", e);
        }
    }
}

package org.parcours.account;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks an e-mail address typed into a form (sign-up, registration, sign-in, my account) before anything is
 * stored or sent. Returns a message key of the {@code account} bundle, to be given to {@code
 * BindingResult.rejectValue(field, key)}, or nothing when the address is acceptable.
 *
 * <p>Accepted: one plain address ({@code name@example.org}, no display name, no list), syntactically valid for
 * Jakarta Mail in strict mode, whose domain has a dot, at most 320 characters. Refused as "disposable": domains
 * (and their sub-domains) listed in {@code account/disposable-domains.txt}, throw-away inbox services that would
 * let anyone take seats with addresses nobody reads.
 */
public final class EmailAddresses {

    public static final String MISSING = "account.email.missing";
    public static final String INVALID = "account.email.invalid";
    public static final String TOO_LONG = "account.email.tooLong";
    public static final String DISPOSABLE = "account.email.disposable";

    static final int MAX_LENGTH = 320;
    private static final Set<String> DISPOSABLE_DOMAINS = load("/account/disposable-domains.txt");

    private EmailAddresses() {}

    /** The problem with this address as a message key, or empty when it is acceptable. */
    public static Optional<String> check(@Nullable String input) {
        if (input == null || input.isBlank()) {
            return Optional.of(MISSING);
        }
        String address = input.strip();
        if (address.length() > MAX_LENGTH) {
            return Optional.of(TOO_LONG);
        }
        if (!wellFormed(address)) {
            return Optional.of(INVALID);
        }
        if (isDisposable(address)) {
            return Optional.of(DISPOSABLE);
        }
        return Optional.empty();
    }

    /** Whether the address (assumed well-formed) belongs to a known disposable-mail domain or a sub-domain of one. */
    static boolean isDisposable(String address) {
        String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        while (true) {
            if (DISPOSABLE_DOMAINS.contains(domain)) {
                return true;
            }
            int dot = domain.indexOf('.');
            if (dot < 0) {
                return false;
            }
            domain = domain.substring(dot + 1);
        }
    }

    private static boolean wellFormed(String address) {
        if (address.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            String plain = parsed.getAddress();
            if (parsed.getPersonal() != null || plain == null || !plain.equals(address)) {
                return false; // "Ada <ada@example.org>", groups and lists are not one plain address
            }
            int at = plain.lastIndexOf('@');
            if (at <= 0 || plain.indexOf('@') != at) {
                return false;
            }
            String domain = plain.substring(at + 1);
            return domain.indexOf('.') > 0
                    && !domain.endsWith(".")
                    && !domain.contains("..")
                    && !domain.startsWith("[");
        } catch (AddressException e) {
            return false;
        }
    }

    private static Set<String> load(String resource) {
        Set<String> domains = new HashSet<>();
        try (InputStream in = EmailAddresses.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String domain = line.strip().toLowerCase(Locale.ROOT);
                if (!domain.isEmpty() && !domain.startsWith("#")) {
                    domains.add(domain);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(domains);
    }
}

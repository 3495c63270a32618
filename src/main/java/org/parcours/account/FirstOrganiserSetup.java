package org.parcours.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first organiser without any default password: on a start with no organiser, a random single-use
 * link is printed once in the log; whoever opens it chooses their own e-mail and password. Only the SHA-256 of
 * the token is stored, a new start with still no organiser replaces the link, and the link stops working as soon
 * as an organiser exists.
 */
@Service
public class FirstOrganiserSetup {

    private static final Logger log = LoggerFactory.getLogger(FirstOrganiserSetup.class);

    /** 32 random bytes in unpadded base64url. Anything else cannot be a token, so it is not even looked up. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final PersonRepository people;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final String baseUrl;
    private final SecureRandom random = new SecureRandom();

    FirstOrganiserSetup(
            PersonRepository people,
            JdbcClient jdbc,
            PasswordEncoder passwordEncoder,
            Clock clock,
            @Value("${parcours.base-url}") String baseUrl) {
        this.people = people;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void onStartup() {
        issueLinkIfNoOrganiser();
    }

    /**
     * On a Parcours with no organiser yet: a fresh setup link, already logged. Once an organiser exists, links
     * left unused are deleted, so an old log file cannot be used to create another organiser.
     */
    @Transactional
    public Optional<String> issueLinkIfNoOrganiser() {
        if (organiserExists()) {
            jdbc.sql("delete from setup_token where used_at is null").update();
            return Optional.empty();
        }
        return Optional.of(issueLink());
    }

    /** Replaces any unused setup link with a new one, logs it on one line and returns it. */
    @Transactional
    public String issueLink() {
        jdbc.sql("delete from setup_token where used_at is null").update();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into setup_token (token_hash, created_at) values (:hash, :now)")
                .param("hash", sha256(token))
                .param("now", now())
                .update();
        String link = baseUrl + "/setup/" + token;
        log.warn("No organiser account yet. Open this single-use link to create the first one: {}", link);
        return link;
    }

    @Transactional(readOnly = true)
    public boolean isUsable(String token) {
        if (!TOKEN_SHAPE.matcher(token).matches() || organiserExists()) {
            return false;
        }
        return jdbc.sql("select count(*) from setup_token where token_hash = :hash and used_at is null")
                        .param("hash", sha256(token))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Creates the first organiser and uses up the link, both or neither.
     *
     * @throws LinkInvalidException if the link is unknown, already used, replaced, or an organiser exists
     * @throws EmailTakenException if someone already has this e-mail address (the link stays usable)
     */
    @Transactional
    public Person createFirstOrganiser(String token, NewOrganiser organiser) {
        if (!isUsable(token)) {
            throw new LinkInvalidException();
        }
        String email = Person.normaliseEmail(organiser.email());
        if (people.findByEmail(email).isPresent()) {
            throw new EmailTakenException();
        }
        // Single use even under concurrent submissions: only one transaction can flip used_at.
        int claimed = jdbc.sql("update setup_token set used_at = :now where token_hash = :hash and used_at is null")
                .param("now", now())
                .param("hash", sha256(token))
                .update();
        if (claimed != 1) {
            throw new LinkInvalidException();
        }
        try {
            return people.save(new Person(
                    null,
                    email,
                    organiser.displayName().strip(),
                    passwordEncoder.encode(organiser.password()),
                    Role.ORGANISER,
                    organiser.locale(),
                    now()));
        } catch (DuplicateKeyException e) {
            throw new EmailTakenException();
        }
    }

    private boolean organiserExists() {
        return people.existsByRole(Role.ORGANISER);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** What the person opening the setup link chose. {@code password} is the plain password, hashed here. */
    public record NewOrganiser(String displayName, String email, String password, String locale) {

        @Override
        public String toString() {
            return "NewOrganiser[email=" + email + "]";
        }
    }

    /** The setup link cannot be used (any more). */
    public static final class LinkInvalidException extends RuntimeException {
        LinkInvalidException() {
            super("setup link invalid", null, false, false);
        }
    }

    /** Another person already has this e-mail address. */
    public static final class EmailTakenException extends RuntimeException {
        EmailTakenException() {
            super("e-mail already taken", null, false, false);
        }
    }
}

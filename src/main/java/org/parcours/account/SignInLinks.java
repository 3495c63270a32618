package org.parcours.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parcours.mail.MailService;
import org.parcours.mail.OutgoingMail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Magic links: a random token mailed to a known person, of which only the SHA-256 is stored; it signs in once,
 * within {@code parcours.sign-in.link-validity} (15 minutes by default). The link remembers the browser that asked
 * for it (the hash of a random cookie), so the controller can sign that browser in at once and ask any other
 * browser, or a mail scanner fetching the link, to confirm with a POST first.
 *
 * <p>Whether an address is known is never revealed: {@link #send} behaves the same for unknown and erased
 * addresses, it just sends nothing.
 */
@Service
public class SignInLinks {

    public static final String MAIL_TEMPLATE = "mail/sign-in-link";

    private final JdbcClient jdbc;
    private final PersonRepository people;
    private final MailService mail;
    private final Clock clock;
    private final Duration validity;
    private final String baseUrl;

    SignInLinks(
            JdbcClient jdbc,
            PersonRepository people,
            MailService mail,
            Clock clock,
            @Value("${parcours.sign-in.link-validity:15m}") Duration validity,
            @Value("${parcours.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.people = people;
        this.mail = mail;
        this.clock = clock;
        this.validity = validity;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A new random value for the cookie that binds links to the browser asking for them. */
    public static String newBrowserSecret() {
        return Secrets.random();
    }

    public Duration validity() {
        return validity;
    }

    /**
     * Mails a sign-in link to the person with this address, if there is one and it is not erased; otherwise does
     * nothing, and the caller answers the same either way.
     *
     * @param browserSecret the asking browser's cookie value, or null when it has none
     * @param continuePath where to go once signed in, already checked to be a local path, or null
     */
    @Transactional
    public void send(String email, @Nullable String browserSecret, @Nullable String continuePath) {
        Optional<Person> found = people.findActiveByEmail(Person.normaliseEmail(email));
        if (found.isEmpty()) {
            return;
        }
        Person person = found.get();
        String token = Secrets.random();
        OffsetDateTime now = now();
        jdbc.sql("""
                        insert into login_token (person_id, token_hash, browser_hash, created_at, expires_at)
                        values (:person, :token, :browser, :now, :expires)""")
                .param("person", person.id())
                .param("token", Secrets.hash(token))
                .param("browser", Secrets.wellFormed(browserSecret) ? Secrets.hash(browserSecret) : null)
                .param("now", now)
                .param("expires", now.plus(validity))
                .update();
        String link = baseUrl + "/signin/" + token
                + (continuePath == null ? "" : "?continue=" + URLEncoder.encode(continuePath, StandardCharsets.UTF_8));
        mail.queue(OutgoingMail.to(person.email(), person.displayName())
                .locale(Locale.forLanguageTag(person.locale()))
                .template(MAIL_TEMPLATE)
                .subject("mail.signIn.subject")
                .model("name", person.displayName())
                .model("link", link)
                .model("minutes", validity.toMinutes())
                .category("account.sign-in")
                .build());
    }

    /** What a link is worth right now, without using it up (a GET or a mail scanner must not consume it). */
    @Transactional(readOnly = true)
    public LinkCheck inspect(String token, @Nullable String browserSecret) {
        return find(token)
                .map(row -> new LinkCheck(row.status(now()), Secrets.matches(browserSecret, row.browserHash())))
                .orElse(new LinkCheck(LinkStatus.UNKNOWN, false));
    }

    /**
     * Uses the link up and returns its person; single use even when two requests race, because only one
     * conditional update can set {@code used_at}. Otherwise returns why it cannot be used.
     */
    @Transactional
    public Redemption redeem(String token) {
        Optional<Row> found = find(token);
        if (found.isEmpty()) {
            return new Redemption(LinkStatus.UNKNOWN, null);
        }
        Row row = found.get();
        OffsetDateTime now = now();
        int claimed = jdbc.sql("""
                        update login_token set used_at = :now
                        where id = :id and used_at is null and expires_at > :now""").param("now", now).param("id", row.id()).update();
        if (claimed != 1) {
            LinkStatus status = find(token).map(r -> r.status(now)).orElse(LinkStatus.UNKNOWN);
            return new Redemption(status == LinkStatus.VALID ? LinkStatus.USED : status, null);
        }
        return people.findActiveById(row.personId())
                .map(person -> new Redemption(LinkStatus.VALID, person))
                .orElseGet(() -> new Redemption(LinkStatus.UNKNOWN, null));
    }

    private Optional<Row> find(String token) {
        if (!Secrets.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select t.id, t.person_id, t.browser_hash, t.expires_at, t.used_at
                        from login_token t join person p on p.id = t.person_id
                        where t.token_hash = :hash and p.erased_at is null""").param("hash", Secrets.hash(token)).query(Row.class).optional();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    record Row(
            long id,
            long personId,
            @Nullable String browserHash,
            OffsetDateTime expiresAt,
            @Nullable OffsetDateTime usedAt) {

        LinkStatus status(OffsetDateTime now) {
            if (usedAt != null) {
                return LinkStatus.USED;
            }
            return expiresAt.isAfter(now) ? LinkStatus.VALID : LinkStatus.EXPIRED;
        }
    }

    public enum LinkStatus {
        VALID,
        USED,
        EXPIRED,
        UNKNOWN
    }

    /** @param sameBrowser whether the browser opening the link is the one that asked for it */
    public record LinkCheck(LinkStatus status, boolean sameBrowser) {}

    /** @param person the person now to be signed in, when {@code status} is {@link LinkStatus#VALID} */
    public record Redemption(LinkStatus status, @Nullable Person person) {}
}

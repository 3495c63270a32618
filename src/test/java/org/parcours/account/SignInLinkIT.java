package org.parcours.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parcours.mail.MailDeliveryForTests;
import org.parcours.web.RateLimiter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Magic-link sign-in end to end: ask for a link, receive the real message over SMTP (GreenMail), open its link
 * in the same browser, in another one, twice, too late; unknown addresses, rate limits and redirect targets.
 * The background mail worker is off and the clock starts in 2080, so no other test context's worker can take
 * these messages (see {@link TestClock}).
 */
@SpringBootTest(properties = {"parcours.mail.worker.enabled=false", "parcours.base-url=https://parcours.test"})
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class SignInLinkIT {

    static final int SMTP_PORT = freePort();
    static final Pattern LINK =
            Pattern.compile("https://parcours\\.test(/signin/[A-Za-z0-9_-]{43})(\\?continue=[^\\s>]+)?");

    @RegisterExtension
    static GreenMailExtension smtp =
            new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp")).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Participants participants;

    @Autowired
    PersonRepository people;

    @Autowired
    AccountErasure erasure;

    @Autowired
    RateLimiter rateLimiter;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    /** Each test comes from its own address, so rate limits of one never touch another. */
    String ip;

    @BeforeEach
    void newVisitor() {
        ip = "198.51." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        rateLimiter.reset();
    }

    static String address() {
        return "p" + UUID.randomUUID().toString().replace("-", "") + "@signin.test";
    }

    Person participant(Locale locale) {
        return participants.findOrCreate("Élise Durand", address(), locale);
    }

    RequestPostProcessor fromIp() {
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }

    /** Asks for a link as a browser would; returns the response (its cookie binds the link to this browser). */
    MockHttpServletResponse requestLink(String email, String... continuePath) throws Exception {
        var request = post("/signin").with(csrf()).with(fromIp()).param("email", email);
        if (continuePath.length > 0) {
            request.param("continue", continuePath[0]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
    }

    List<MimeMessage> deliveredTo(String email) throws Exception {
        MailDeliveryForTests.deliverDue(context);
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return email.equals(((InternetAddress) m.getAllRecipients()[0]).getAddress());
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    /** The path (and query) of the link in the one message sent to this address. */
    String linkSentTo(String email) throws Exception {
        List<MimeMessage> messages = deliveredTo(email);
        assertThat(messages).hasSize(1);
        Matcher link = LINK.matcher(textOf(messages.getFirst()));
        assertThat(link.find()).as("a sign-in link in the text part").isTrue();
        return link.group(1) + (link.group(2) == null ? "" : link.group(2));
    }

    static String textOf(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = textOf(child);
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    static Cookie browserCookie(MockHttpServletResponse response) {
        Cookie cookie = response.getCookie("PARCOURS_SIGNIN");
        assertThat(cookie).as("the sign-in browser cookie").isNotNull();
        return cookie;
    }

    long unusedTokens(Person person) {
        return jdbc.sql("select count(*) from login_token where person_id = :id and used_at is null")
                .param("id", person.id())
                .query(Long.class)
                .single();
    }

    @Test
    void theLinkOpenedInTheBrowserThatAskedSignsInAtOnce() throws Exception {
        Person person = participant(Locale.FRENCH);
        MockHttpServletResponse asked = requestLink(person.email().toUpperCase(Locale.ROOT));
        String setCookie = asked.getHeader("Set-Cookie");
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/signin");

        MimeMessage message = deliveredTo(person.email()).getFirst();
        assertThat(message.getSubject()).isEqualTo("Votre lien de connexion à Parcours");
        assertThat(textOf(message)).contains("Bonjour Élise Durand").contains("15 minutes");
        String link = linkSentTo(person.email());
        String token = link.substring("/signin/".length());
        assertThat(jdbc.sql("select count(*) from login_token where token_hash = :t")
                        .param("t", token)
                        .query(Long.class)
                        .single())
                .as("only the hash is stored")
                .isZero();

        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        mvc.perform(get(URI.create(link)).session(session).cookie(browserCookie(asked)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/me"))
                .andExpect(authenticated().withUsername(person.email()).withRoles("PARTICIPANT"));
        assertThat(session.getId()).as("session id rotated").isNotEqualTo(before);
        assertThat(unusedTokens(person)).isZero();

        mvc.perform(get("/me/account").session(session)).andExpect(status().isOk());
    }

    @Test
    void inAnotherBrowserTheLinkAsksForConfirmationAndOnlyThePostUsesItUp() throws Exception {
        Person person = participant(Locale.ENGLISH);
        requestLink(person.email());
        String link = linkSentTo(person.email());
        assertThat(deliveredTo(person.email()).getFirst().getSubject()).isEqualTo("Your Parcours sign-in link");

        // A mail scanner, or the same person on their phone: no cookie, or someone else's.
        for (Cookie other : new Cookie[] {null, new Cookie("PARCOURS_SIGNIN", SignInLinks.newBrowserSecret())}) {
            var open = get(URI.create(link));
            if (other != null) {
                open.cookie(other);
            }
            Document page = Jsoup.parse(mvc.perform(open)
                    .andExpect(status().isOk())
                    .andExpect(unauthenticated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            assertThat(page.select("form[method=post][action=" + link + "] input[name=_csrf]"))
                    .hasSize(1);
        }
        assertThat(unusedTokens(person))
                .as("a GET from elsewhere uses nothing up")
                .isOne();

        mvc.perform(post(URI.create(link)).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/me"));
        mvc.perform(post(URI.create(link)).with(csrf()))
                .andExpect(status().isGone())
                .andExpect(unauthenticated());
        mvc.perform(post(URI.create(link))).andExpect(status().isForbidden());
    }

    @Test
    void aUsedLinkExplainsAndOffersANewOne() throws Exception {
        Person person = participant(Locale.FRENCH);
        Cookie cookie = browserCookie(requestLink(person.email()));
        String link = linkSentTo(person.email());
        mvc.perform(get(URI.create(link)).cookie(cookie)).andExpect(status().isFound());

        Document page = Jsoup.parse(mvc.perform(get(URI.create(link)).cookie(cookie))
                .andExpect(status().isGone())
                .andExpect(unauthenticated())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("Ce lien a déjà servi");
        assertThat(page.select("a[href=/signin]")).isNotEmpty();
    }

    @Test
    void anExpiredLinkExplainsAndOffersANewOne() throws Exception {
        Person person = participant(Locale.ENGLISH);
        Cookie cookie = browserCookie(requestLink(person.email()));
        String link = linkSentTo(person.email());

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        Document page =
                Jsoup.parse(mvc.perform(get(URI.create(link)).cookie(cookie).header("Accept-Language", "en"))
                        .andExpect(status().isGone())
                        .andExpect(unauthenticated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("This link has expired");
        assertThat(page.select("a[href=/signin]")).isNotEmpty();
        mvc.perform(post(URI.create(link)).with(csrf()))
                .andExpect(status().isGone())
                .andExpect(unauthenticated());
        assertThat(unusedTokens(person)).isOne();
    }

    @Test
    void unknownAndForgedLinksGetTheExplainingPageAsA404() throws Exception {
        for (String path : List.of("/signin/" + SignInLinks.newBrowserSecret(), "/signin/not-a-token")) {
            Document page = Jsoup.parse(mvc.perform(get(path))
                    .andExpect(status().isNotFound())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            assertThat(page.select("h1").text()).isEqualTo("Ce lien n’est pas valable");
            assertThat(page.select("a[href=/signin]")).isNotEmpty();
        }
    }

    @Test
    void unknownAndErasedAddressesGetTheSamePageAndNoMail() throws Exception {
        Person known = participant(Locale.FRENCH);
        Person erased = participant(Locale.FRENCH);
        String erasedAddress = erased.email();
        erasure.erase(erased.id());
        String unknown = address();

        String forKnown = Jsoup.parse(requestLink(known.email()).getContentAsString())
                .select("main")
                .text();
        String forUnknown = Jsoup.parse(requestLink(unknown).getContentAsString())
                .select("main")
                .text();
        String forErased = Jsoup.parse(requestLink(erasedAddress).getContentAsString())
                .select("main")
                .text();

        assertThat(forUnknown.replace(unknown, known.email())).isEqualTo(forKnown);
        assertThat(forErased.replace(erasedAddress, known.email())).isEqualTo(forKnown);
        assertThat(forKnown).contains("Si un compte existe pour l’adresse " + known.email());
        assertThat(deliveredTo(unknown)).isEmpty();
        assertThat(deliveredTo(erasedAddress)).isEmpty();
        assertThat(deliveredTo(known.email())).hasSize(1);
    }

    @Test
    void organisersCanSignInByLinkAndReachTheAdmin() throws Exception {
        Person organiser = people.save(new Person(
                null, address(), "Camille Orga", null, Role.ORGANISER, "fr", java.time.OffsetDateTime.now(clock)));
        Cookie cookie = browserCookie(requestLink(organiser.email(), "/admin"));
        String link = linkSentTo(organiser.email());
        assertThat(link).endsWith("?continue=%2Fadmin");

        MockHttpSession session = new MockHttpSession();
        mvc.perform(get(URI.create(link)).session(session).cookie(cookie))
                .andExpect(redirectedUrl("/admin"))
                .andExpect(authenticated().withRoles("ORGANISER"));
        mvc.perform(get("/admin").session(session)).andExpect(status().isOk());
    }

    @Test
    void continuePathsOutsideTheSiteAreIgnored() throws Exception {
        for (String target : List.of("//evil.org", "https://evil.org", "/\\evil.org", "javascript:alert(1)")) {
            rateLimiter.reset();
            Person person = participant(Locale.FRENCH);
            Cookie cookie = browserCookie(requestLink(person.email(), target));
            String link = linkSentTo(person.email());
            assertThat(link).doesNotContain("continue");
            mvc.perform(get(URI.create(link + "?continue=" + java.net.URLEncoder.encode(target, "UTF-8")))
                            .cookie(cookie))
                    .andExpect(redirectedUrl("/me"));
        }
        Person person = participant(Locale.FRENCH);
        Cookie cookie = browserCookie(requestLink(person.email(), "/me/account"));
        mvc.perform(get(URI.create(linkSentTo(person.email()))).cookie(cookie)).andExpect(redirectedUrl("/me/account"));
    }

    @Test
    void tooManyRequestsForOneAddressOrFromOneIpGetA429WithTheFormAgain() throws Exception {
        Person person = participant(Locale.FRENCH);
        for (int i = 0; i < 5; i++) {
            requestLink(person.email());
        }
        Document limited = Jsoup.parse(mvc.perform(post("/signin")
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr("203.0.113.99");
                            return request;
                        })
                        .param("email", person.email()))
                .andExpect(status().isTooManyRequests())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(limited.select("[role=alert]").text()).contains("Trop de demandes");
        assertThat(limited.select("form[action=/signin] input[name=email]").attr("value"))
                .isEqualTo(person.email());
        assertThat(deliveredTo(person.email())).hasSize(5);

        // Another address from the same, now exhausted, IP.
        mvc.perform(post("/signin").with(csrf()).with(fromIp()).param("email", address()))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void malformedAddressesAreRefusedWith422() throws Exception {
        Document page = Jsoup.parse(
                mvc.perform(post("/signin").with(csrf()).with(fromIp()).param("email", "not an address"))
                        .andExpect(status().isUnprocessableContent())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(page.select("#f-email-error").text()).contains("n’est pas valide");
        assertThat(page.select("#f-email").attr("aria-invalid")).isEqualTo("true");
        mvc.perform(post("/signin").with(fromIp()).param("email", address())).andExpect(status().isForbidden());
    }

    @Test
    void visitorsOfMySpaceAreSentToSignInAndBack() throws Exception {
        mvc.perform(get("/me/account")).andExpect(redirectedUrl("/signin?continue=%2Fme%2Faccount"));
        Document form = Jsoup.parse(mvc.perform(get("/signin").param("continue", "/me/account"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(form.select("form[action=/signin] input[name=continue]").attr("value"))
                .isEqualTo("/me/account");
        Document evil = Jsoup.parse(mvc.perform(get("/signin").param("continue", "//evil.org"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(evil.select("input[name=continue]")).isEmpty();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

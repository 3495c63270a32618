package org.parcours.mail.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.mail.MailService;
import org.parcours.mail.MailStatus;
import org.parcours.mail.Outbox;
import org.parcours.mail.OutgoingMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The Outbox with the embedded default: no SMTP server, so every message is HELD and shown as not sent, with
 * its content, links and attachments usable.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OutboxIT {

    static final byte[] ICS = "BEGIN:VCALENDAR\r\nSUMMARY:Séance\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);

    @Autowired
    MockMvc mvc;

    @Autowired
    MailService mail;

    @Autowired
    Outbox outbox;

    String recipient;
    long id;

    @BeforeEach
    void queueOne() {
        recipient = "o" + UUID.randomUUID().toString().replace("-", "") + "@outbox.test";
        id = mail.queue(OutgoingMail.to(recipient, "Ada")
                .locale(Locale.FRENCH)
                .template("mail/test-message")
                .subject("mail.test.subject")
                .model("requestedBy", "Zoé <script>")
                .attach("séance-1.ics", "text/calendar; method=REQUEST; charset=UTF-8", ICS)
                .header("List-Unsubscribe", "<https://parcours.test/u/1>")
                .category("test.outbox")
                .build());
    }

    @Test
    void withoutSmtpMessagesAreHeld() {
        assertThat(mail.delivering()).isFalse();
        assertThat(outbox.message(id).orElseThrow().entry().status()).isEqualTo(MailStatus.HELD);
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/admin/outbox")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin/outbox/{id}", id)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin/outbox/{id}/attachments/0", id)).andExpect(redirectedUrl("/login"));
    }

    @Test
    @WithMockUser(roles = "PARTICIPANT")
    void participantsAreRefused() throws Exception {
        mvc.perform(get("/admin/outbox")).andExpect(status().isForbidden());
        mvc.perform(get("/admin/outbox/{id}/html", id)).andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(roles = "ORGANISER")
    void theListShowsHeldMessagesClearlyMarked() throws Exception {
        String html = mvc.perform(get("/admin/outbox").param("status", "HELD"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        var page = Jsoup.parse(html);
        assertThat(page.select(".notice-warn").text()).contains("aucun serveur SMTP n’est configuré");
        var row = page.select("tr:has(a[href=/admin/outbox/" + id + "])");
        assertThat(row.text())
                .contains(recipient)
                .contains("Parcours : e-mail de test")
                .contains("test.outbox");
        assertThat(row.select(".badge").text()).isEqualTo("Non envoyé — pas de SMTP");
    }

    @Test
    @WithMockUser(roles = "ORGANISER")
    void theStatusFilterKeepsOnlyThatStatus() throws Exception {
        mvc.perform(get("/admin/outbox").param("status", "SENT"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(recipient))));
        mvc.perform(get("/admin/outbox").param("status", "nonsense").param("page", "-3"))
                .andExpect(status().isOk());
    }

    @Test
    @WithMockUser(roles = "ORGANISER")
    void inEnglishToo() throws Exception {
        mvc.perform(get("/admin/outbox").header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Not sent: no SMTP server is configured.")));
    }

    @Test
    @WithMockUser(roles = "ORGANISER")
    void aMessageShowsItsHeadersLinksAttachmentsAndBothParts() throws Exception {
        String html = mvc.perform(get("/admin/outbox/{id}", id))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        var page = Jsoup.parse(html);
        assertThat(page.select("h1").text()).isEqualTo("Parcours : e-mail de test");
        assertThat(page.select(".outbox-fields").text())
                .contains(recipient)
                .contains("List-Unsubscribe")
                .contains("<https://parcours.test/u/1>");
        assertThat(page.select("a[href=http://localhost:8080/admin/outbox]")).isNotEmpty();
        assertThat(page.select("a[href=/admin/outbox/" + id + "/attachments/0]").text())
                .isEqualTo("séance-1.ics");
        assertThat(page.select("iframe[sandbox]").attr("src")).isEqualTo("/admin/outbox/" + id + "/html");
        assertThat(page.select("pre.outbox-text").text()).contains("demandé par Zoé <script>");
        // Escaped, never markup: the model value arrived as text.
        assertThat(html).doesNotContain("Zoé <script>");
        assertThat(page.select("form[action=/admin/outbox/" + id + "/retry]")).isEmpty(); // held, no SMTP
    }

    @Test
    @WithMockUser(roles = "ORGANISER")
    void theHtmlPartIsServedUnderItsOwnStrictPolicy() throws Exception {
        var response = mvc.perform(get("/admin/outbox/{id}/html", id))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", OutboxController.MAIL_HTML_POLICY))
                .andExpect(header().string("Content-Type", "text/html;charset=UTF-8"))
                .andReturn()
                .getResponse();

        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("<base target=\"_top\">").contains("Accents et signes : é è ê à ç ô œ");
        assertThat(response.getHeader("Content-Security-Policy"))
                .contains("sandbox")
                .contains("default-src 'none'");
    }

    @Test
    @WithMockUser(roles = "ORGANISER")
    void attachmentsDownloadAsSent() throws Exception {
        var response = mvc.perform(get("/admin/outbox/{id}/attachments/0", id))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();

        assertThat(response.getContentAsByteArray()).isEqualTo(ICS);
        assertThat(response.getContentType()).startsWith("text/calendar");
        assertThat(response.getHeader("Content-Disposition"))
                .startsWith("attachment")
                .contains("filename*=UTF-8''s%C3%A9ance-1.ics");
    }

    @Test
    @WithMockUser(roles = "ORGANISER")
    void unknownMessagesAndAttachmentsAreNotFound() throws Exception {
        mvc.perform(get("/admin/outbox/{id}", Long.MAX_VALUE)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/outbox/abc")).andExpect(status().isNotFound());
        mvc.perform(get("/admin/outbox/{id}/attachments/7", id)).andExpect(status().isNotFound());
        mvc.perform(post("/admin/outbox/{id}/retry", Long.MAX_VALUE).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    @WithMockUser(roles = "ORGANISER")
    void aHeldMessageCannotBeRetriedWithoutSmtp() throws Exception {
        mvc.perform(post("/admin/outbox/{id}/retry", id)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/outbox/{id}/retry", id).with(csrf()))
                .andExpect(redirectedUrl("/admin/outbox/" + id))
                .andExpect(flash().attribute("notice", "outbox.retry.refused"));

        assertThat(outbox.message(id).orElseThrow().entry().status()).isEqualTo(MailStatus.HELD);
    }

    @Test
    @WithMockUser(username = "orga@outbox.test", roles = "ORGANISER")
    void theTestMessageIsQueuedForAValidAddressOnly() throws Exception {
        mvc.perform(post("/admin/outbox/test").with(csrf()).param("address", "not-an-address"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Saisissez une adresse e-mail valide")));

        String location = mvc.perform(post("/admin/outbox/test").with(csrf()).param("address", "me@outbox.test"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long testId = Long.parseLong(location.substring("/admin/outbox/".length()));
        var queued = outbox.message(testId).orElseThrow();
        assertThat(queued.entry().recipientAddress()).isEqualTo("me@outbox.test");
        assertThat(queued.entry().status()).isEqualTo(MailStatus.HELD);
        assertThat(queued.textBody()).contains("orga@outbox.test");
    }
}

package org.parcours.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MimeComposerTest {

    private final Session session = Session.getInstance(new Properties());

    private MailStore.Claimed mail(String headers) {
        return new MailStore.Claimed(
                7L,
                "ada@example.org",
                "Ada Lovelace",
                "Votre inscription à « Coopérer »",
                "Bonjour Ada\n",
                "<p>Bonjour Ada</p>",
                headers,
                "<fixed-id@example.org>",
                1);
    }

    @Test
    void withoutAttachmentsTheMessageIsMultipartAlternative() throws Exception {
        MimeMessage message = roundTrip(MimeComposer.compose(
                session, new InternetAddress("Parcours <no-reply@example.org>"), mail(null), List.of(), new Date()));

        assertThat(message.getContentType()).startsWith("multipart/alternative");
        Multipart alternative = (Multipart) message.getContent();
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain; charset=UTF-8");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html; charset=UTF-8");
        assertThat(message.getSubject()).isEqualTo("Votre inscription à « Coopérer »");
        assertThat(message.getHeader("Message-ID")).containsExactly("<fixed-id@example.org>");
        assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(message.getSentDate()).isNotNull();
        assertThat(((InternetAddress) message.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal())
                .isEqualTo("Ada Lovelace");
    }

    @Test
    void attachmentsWrapTheAlternativeInMultipartMixed() throws Exception {
        byte[] ics = "BEGIN:VCALENDAR\r\nSUMMARY:Été\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
        var attachment = new MailStore.StoredAttachment(
                7L, 0, "séance-1.ics", "text/calendar; method=REQUEST; charset=UTF-8", ics);

        MimeMessage message = roundTrip(MimeComposer.compose(
                session,
                new InternetAddress("no-reply@example.org"),
                mail("List-Unsubscribe: <https://x.test/u/1>\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\n"),
                List.of(attachment),
                new Date()));

        assertThat(message.getContentType()).startsWith("multipart/mixed");
        Multipart mixed = (Multipart) message.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
        Part file = mixed.getBodyPart(1);
        assertThat(file.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(file.getFileName()).isEqualTo("séance-1.ics");
        assertThat(file.getContentType()).startsWith("text/calendar").contains("method=REQUEST");
        assertThat(file.getInputStream().readAllBytes()).isEqualTo(ics);
        assertThat(message.getHeader("List-Unsubscribe")).containsExactly("<https://x.test/u/1>");
        assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    }

    @Test
    void headersSurviveTheirStorageFormat() {
        var headers = Map.of("List-Id", "Parcours <list.example.org>");

        assertThat(MimeComposer.parseHeaders(MimeComposer.formatHeaders(headers)))
                .isEqualTo(headers);
        assertThat(MimeComposer.formatHeaders(Map.of())).isNull();
    }

    /** What a receiving mail program would parse. */
    private MimeMessage roundTrip(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return new MimeMessage(session, new ByteArrayInputStream(out.toByteArray()));
    }
}

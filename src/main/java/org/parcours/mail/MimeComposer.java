package org.parcours.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the MIME message of a stored mail: UTF-8 text and HTML as {@code multipart/alternative}, wrapped in
 * {@code multipart/mixed} when there are attachments; the Message-ID chosen at queue time (the same on every
 * attempt), a Date, {@code Auto-Submitted: auto-generated} so auto-responders stay quiet, and the caller's extra
 * headers.
 */
final class MimeComposer {

    private MimeComposer() {}

    static MimeMessage compose(
            Session session,
            InternetAddress from,
            MailStore.Claimed mail,
            List<MailStore.StoredAttachment> attachments,
            Date sentDate)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new FixedIdMimeMessage(session, mail.messageId());
        message.setFrom(from);
        message.setRecipient(
                MimeMessage.RecipientType.TO,
                new InternetAddress(mail.recipientAddress(), mail.recipientName(), "UTF-8"));
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(sentDate);
        message.setHeader("Auto-Submitted", "auto-generated");
        for (Map.Entry<String, String> header :
                parseHeaders(mail.extraHeaders()).entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }

        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.textBody(), "UTF-8", "plain");
        alternative.addBodyPart(text);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.htmlBody(), "UTF-8", "html");
        alternative.addBodyPart(html);

        if (attachments.isEmpty()) {
            message.setContent(alternative);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            mixed.addBodyPart(body);
            for (MailStore.StoredAttachment attachment : attachments) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(
                        new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
                part.setFileName(attachment.filename());
                part.setDisposition(Part.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            message.setContent(mixed);
        }
        // No saveChanges() here: the sender does it right before writing (and writeTo does it for an unsaved message).
        return message;
    }

    /** Extra headers are stored one per line as {@code Name: value}. */
    static @Nullable String formatHeaders(Map<String, String> headers) {
        if (headers.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        headers.forEach(
                (name, value) -> out.append(name).append(": ").append(value).append('\n'));
        return out.toString();
    }

    static Map<String, String> parseHeaders(@Nullable String stored) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (stored == null) {
            return headers;
        }
        for (String line : stored.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        return headers;
    }

    /** Keeps the stored Message-ID: JavaMail would otherwise make a new one on every save. */
    private static final class FixedIdMimeMessage extends MimeMessage {
        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}

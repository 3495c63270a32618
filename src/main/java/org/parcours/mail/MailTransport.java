package org.parcours.mail;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** The SMTP side of delivery: whether a server is configured, and sending a batch over one connection. */
@Component
class MailTransport {

    private final JavaMailSenderImpl sender;

    MailTransport(JavaMailSenderImpl sender) {
        this.sender = sender;
    }

    /** No {@code spring.mail.host}: messages are held in the Outbox instead of being sent. */
    boolean configured() {
        return StringUtils.hasText(sender.getHost());
    }

    Session session() {
        return sender.getSession();
    }

    /**
     * Sends the messages over one SMTP connection (Spring reconnects if the server drops it mid-way).
     *
     * @return the messages that failed, with their reason; the others were accepted by the server
     */
    Map<MimeMessage, Exception> send(List<MimeMessage> messages) {
        Map<MimeMessage, Exception> failures = new IdentityHashMap<>();
        if (messages.isEmpty()) {
            return failures;
        }
        try {
            sender.send(messages.toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            if (e.getFailedMessages().isEmpty()) {
                messages.forEach(m -> failures.put(m, e));
            }
            e.getFailedMessages().forEach((message, cause) -> {
                if (message instanceof MimeMessage mime) {
                    failures.put(mime, cause);
                }
            });
        } catch (MailException e) {
            // Authentication or preparation failures concern the whole batch.
            messages.forEach(m -> failures.put(m, e));
        }
        return failures;
    }
}

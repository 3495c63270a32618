package org.parcours.mail.web;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.parcours.mail.MailService;
import org.parcours.mail.MailStatus;
import org.parcours.mail.Outbox;
import org.parcours.mail.OutgoingMail;
import org.parcours.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Outbox: what Parcours has sent or will send. Organisers only (also enforced for {@code /admin/**} in the
 * security configuration). The HTML body of a message is served on its own route with a policy of its own (no
 * script, no remote content, sandboxed) and shown in an iframe; its links are also listed on the message page.
 */
@Controller
@RequestMapping("/admin/outbox")
@PreAuthorize("hasRole('ORGANISER')")
class OutboxController {

    /** The mail HTML may style itself inline but load and run nothing; links open in the top window. */
    static final String MAIL_HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "form-action 'none'; frame-ancestors 'self'; "
            + "sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation";

    private final Outbox outbox;
    private final MailService mail;

    OutboxController(Outbox outbox, MailService mail) {
        this.outbox = outbox;
        this.mail = mail;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "1") String page,
            Model model,
            Principal principal) {
        String me = MailService.isDeliverableAddress(principal.getName()) ? principal.getName() : "";
        listModel(model, parseStatus(status), parsePage(page), me);
        return "admin/outbox";
    }

    private void listModel(Model model, @Nullable MailStatus filter, int page, String testAddress) {
        model.addAttribute("page", outbox.page(filter, page));
        model.addAttribute("filter", filter == null ? "" : filter.name());
        model.addAttribute("counts", outbox.counts());
        model.addAttribute("smtpConfigured", outbox.smtpConfigured());
        model.addAttribute("testAddress", testAddress);
    }

    @GetMapping("/{id}")
    String message(@PathVariable String id, Model model) {
        Outbox.Message message = outbox.message(parseId(id)).orElseThrow(NotFoundException::new);
        model.addAttribute("message", message);
        model.addAttribute("links", MailLinks.of(message.htmlBody()));
        model.addAttribute("retryable", outbox.retryable(message.entry().status()));
        model.addAttribute("smtpConfigured", outbox.smtpConfigured());
        return "admin/outbox-message";
    }

    @GetMapping("/{id}/html")
    ResponseEntity<String> html(@PathVariable String id) {
        Outbox.Message message = outbox.message(parseId(id)).orElseThrow(NotFoundException::new);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", MAIL_HTML_POLICY)
                .header("X-Frame-Options", "SAMEORIGIN")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(MailLinks.openLinksInTopWindow(message.htmlBody()));
    }

    @GetMapping("/{id}/attachments/{position}")
    ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable String position) {
        Outbox.AttachmentContent file = outbox.attachment(parseId(id), (int) Math.min(parseId(position), 1000))
                .orElseThrow(NotFoundException::new);
        MediaType type;
        try {
            type = MediaType.parseMediaType(file.contentType());
        } catch (IllegalArgumentException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.filename(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.content());
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable String id, RedirectAttributes redirect) {
        long mailId = parseId(id);
        outbox.message(mailId).orElseThrow(NotFoundException::new);
        redirect.addFlashAttribute("notice", outbox.retry(mailId) ? "outbox.retry.done" : "outbox.retry.refused");
        return "redirect:/admin/outbox/" + mailId;
    }

    /** Queues a test message to any address, to check the SMTP settings (or see what a held mail looks like). */
    @PostMapping("/test")
    String sendTest(
            @RequestParam(defaultValue = "") String address,
            Principal principal,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String to = address.strip();
        if (!MailService.isDeliverableAddress(to)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            listModel(model, null, 1, to);
            model.addAttribute("testError", "outbox.test.invalid");
            return "admin/outbox";
        }
        long id = mail.queue(OutgoingMail.to(to, null)
                .locale(locale)
                .template("mail/test-message")
                .subject("mail.test.subject")
                .model("requestedBy", principal.getName())
                .category("outbox.test")
                .build());
        redirect.addFlashAttribute("notice", "outbox.test.done");
        return "redirect:/admin/outbox/" + id;
    }

    private static @Nullable MailStatus parseStatus(@Nullable String value) {
        return Arrays.stream(MailStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(value))
                .findFirst()
                .orElse(null);
    }

    private static int parsePage(String value) {
        try {
            return Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Ids in URLs are positive numbers; anything else is an unknown message. */
    private static long parseId(String value) {
        try {
            long id = Long.parseLong(value);
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new NotFoundException();
    }
}

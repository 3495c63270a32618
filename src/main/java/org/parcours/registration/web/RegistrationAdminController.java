package org.parcours.registration.web;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parcours.registration.RegistrationAdmin;
import org.parcours.registration.RegistrationAdmin.Row;
import org.parcours.registration.RegistrationAdmin.SessionRoster;
import org.parcours.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Organisers' lists of registrants per session and per cycle, their CSV export, and hand changes to seats
 * (promote, move to a stream seat, remove). Organisers only: the security configuration requires the role for
 * {@code /admin/**} and {@code @PreAuthorize} repeats it.
 */
@Controller
@PreAuthorize("hasRole('ORGANISER')")
class RegistrationAdminController {

    private final RegistrationAdmin admin;
    private final MessageSource messages;

    RegistrationAdminController(RegistrationAdmin admin, MessageSource messages) {
        this.admin = admin;
        this.messages = messages;
    }

    @GetMapping("/admin/sessions/{id}/registrations")
    String session(@PathVariable long id, Model model) {
        model.addAttribute("roster", admin.session(id).orElseThrow(NotFoundException::new));
        return "registration/adminSession";
    }

    @GetMapping("/admin/cycles/{id}/registrations")
    String cycle(@PathVariable long id, Model model) {
        model.addAttribute("roster", admin.cycle(id).orElseThrow(NotFoundException::new));
        return "registration/adminCycle";
    }

    @GetMapping("/admin/sessions/{id}/registrations.csv")
    ResponseEntity<byte[]> sessionCsv(@PathVariable long id, Locale locale) {
        SessionRoster roster = admin.session(id).orElseThrow(NotFoundException::new);
        return csv(roster.cycle().slug() + "-" + roster.session().slug(), List.of(roster), locale);
    }

    @GetMapping("/admin/cycles/{id}/registrations.csv")
    ResponseEntity<byte[]> cycleCsv(@PathVariable long id, Locale locale) {
        RegistrationAdmin.CycleRoster roster = admin.cycle(id).orElseThrow(NotFoundException::new);
        return csv(roster.cycle().slug(), roster.sessions(), locale);
    }

    @PostMapping("/admin/registrations/{id}/promote")
    String promote(@PathVariable long id, RedirectAttributes redirect) {
        return back(id, admin.promote(id), "registration.admin.flash.promoted", redirect);
    }

    @PostMapping("/admin/registrations/{id}/stream")
    String toStream(@PathVariable long id, RedirectAttributes redirect) {
        return back(id, admin.moveToStream(id), "registration.admin.flash.moved", redirect);
    }

    @PostMapping("/admin/registrations/{id}/remove")
    String remove(@PathVariable long id, RedirectAttributes redirect) {
        return back(id, admin.remove(id), "registration.admin.flash.removed", redirect);
    }

    private String back(long id, RegistrationAdmin.Result result, String doneKey, RedirectAttributes redirect) {
        long sessionId = admin.sessionOf(id).orElseThrow(NotFoundException::new);
        if (result == RegistrationAdmin.Result.UNKNOWN) {
            throw new NotFoundException();
        }
        redirect.addFlashAttribute(
                "flash",
                switch (result) {
                    case DONE -> doneKey;
                    case NO_FREE_SEAT -> "registration.admin.flash.noSeat";
                    default -> "registration.admin.flash.notApplicable";
                });
        return "redirect:/admin/sessions/" + sessionId + "/registrations";
    }

    private ResponseEntity<byte[]> csv(String name, List<SessionRoster> rosters, Locale locale) {
        StringBuilder out = new StringBuilder(Csv.BOM);
        out.append(Csv.line(List.of(
                text("registration.csv.session", locale),
                text("registration.csv.start", locale),
                text("registration.csv.name", locale),
                text("registration.csv.email", locale),
                text("registration.csv.seat", locale),
                text("registration.csv.waitlistPosition", locale),
                text("registration.csv.registeredAt", locale))));
        for (SessionRoster roster : rosters) {
            for (Row row : roster.rows()) {
                List<String> cells = new ArrayList<>();
                cells.add(roster.session().title());
                cells.add(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        roster.session().start()));
                cells.add(row.person() == null ? "" : row.person().displayName());
                cells.add(row.person() == null ? "" : row.person().email());
                cells.add(text("registration.state." + row.state().name(), locale));
                cells.add(row.waitlistPosition() == 0 ? "" : Integer.toString(row.waitlistPosition()));
                cells.add(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        row.registration().createdAt()));
                out.append(Csv.line(cells));
            }
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("registrations-" + name + ".csv")
                                .build()
                                .toString())
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}

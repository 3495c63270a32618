package org.parcours.registration.training.web;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Locale;
import org.parcours.cycle.CycleEditor;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Training;
import org.parcours.registration.training.ApplicationStatus;
import org.parcours.registration.training.TrainingApplications;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applications of a training: the list with counts, status changes (each mails the applicant) and the CSV
 * export. Organisers only: the security configuration requires the role for {@code /admin/**}, and
 * {@code @PreAuthorize} repeats it here.
 */
@Controller
@PreAuthorize("hasRole('ORGANISER')")
class TrainingApplicationAdminController {

    static final String VIEW = "admin/applications/list";
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final CycleEditor editor;
    private final CycleService cycles;
    private final TrainingApplications applications;
    private final MessageSource messages;

    TrainingApplicationAdminController(
            CycleEditor editor, CycleService cycles, TrainingApplications applications, MessageSource messages) {
        this.editor = editor;
        this.cycles = cycles;
        this.applications = applications;
        this.messages = messages;
    }

    @GetMapping("/admin/trainings/{id}/applications")
    String list(@PathVariable long id, Model model) {
        Training training = training(id);
        model.addAttribute(
                "page",
                new AdminPages.ApplicationsPage(
                        training,
                        applications.applications(id),
                        applications.counts(id),
                        applications.acceptedPlaces(id)));
        return VIEW;
    }

    @PostMapping("/admin/trainings/{id}/applications/{applicationId}/status")
    String changeStatus(
            @PathVariable long id,
            @PathVariable long applicationId,
            @RequestParam(defaultValue = "") String status,
            RedirectAttributes redirect) {
        Training training = training(id);
        ApplicationStatus to;
        try {
            to = ApplicationStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "application.admin.badStatus");
            return back(id);
        }
        switch (applications.changeStatus(training, applicationId, to)) {
            case CHANGED -> redirect.addFlashAttribute("flash", "application.admin.changed");
            case UNCHANGED -> redirect.addFlashAttribute("flash", "application.admin.unchanged");
            case FULL -> redirect.addFlashAttribute("problem", "application.admin.full");
            case NOT_FOUND -> throw new NotFoundException();
        }
        return back(id);
    }

    @GetMapping("/admin/trainings/{id}/applications.csv")
    ResponseEntity<byte[]> csv(@PathVariable long id, Locale locale) {
        Training training = training(id);
        ZoneId zone = training.cycleId() == null
                ? ZoneId.of("Europe/Paris")
                : cycles.cycle(training.cycleId()).map(c -> c.zone()).orElse(ZoneId.of("Europe/Paris"));
        byte[] body = ApplicationCsv.write(applications.applications(id), zone, messages, locale);
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(training.slug() + "-applications.csv", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }

    private Training training(long id) {
        return editor.training(id).orElseThrow(NotFoundException::new);
    }

    private static String back(long id) {
        return "redirect:/admin/trainings/" + id + "/applications";
    }
}

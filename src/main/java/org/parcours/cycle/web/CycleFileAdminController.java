package org.parcours.cycle.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.CycleFileProblem;
import org.parcours.cycle.CycleFiles;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.ImportResult;
import org.parcours.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Import and export of cycle files in the admin. Every route is under {@code /admin}, so only organisers reach
 * it (see {@code SecurityConfig}); the import form is CSRF-protected like every other form.
 */
@Controller
@RequestMapping("/admin/cycles")
@PreAuthorize("hasRole('ORGANISER')")
class CycleFileAdminController {

    static final MediaType YAML = new MediaType("application", "yaml", StandardCharsets.UTF_8);
    private static final String EXAMPLE = "demo/cooperation-next.yaml";

    private final CycleFiles files;
    private final CycleService cycles;
    private final MessageSource messages;

    CycleFileAdminController(CycleFiles files, CycleService cycles, MessageSource messages) {
        this.files = files;
        this.cycles = cycles;
        this.messages = messages;
    }

    @GetMapping("/import")
    String form(Model model) {
        return page(model, List.of(), "");
    }

    /** The file wins over pasted text; problems re-render the form with HTTP 422 and keep the pasted text. */
    @PostMapping("/import")
    String importFile(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "text", defaultValue = "") String text,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Locale locale)
            throws IOException {
        ImportResult result;
        if (file != null && !file.isEmpty()) {
            result = files.importFile(file.getBytes());
        } else if (!text.isBlank()) {
            result = files.importFile(text);
        } else {
            result = new ImportResult.Rejected(
                    List.of(new CycleFileProblem(0, "", "cyclefile.problem.noInput", List.of())));
        }
        return switch (result) {
            case ImportResult.Imported(var cycle) -> {
                int sessions = cycles.sessions(cycle.id()).size();
                redirect.addFlashAttribute(
                        "flash",
                        messages.getMessage(
                                "cyclefile.import.done",
                                new Object[] {cycle.title(), String.valueOf(sessions)},
                                locale));
                yield "redirect:/admin";
            }
            case ImportResult.Rejected(var problems) -> {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                yield page(model, problems, text);
            }
        };
    }

    @GetMapping("/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        CycleFiles.Export export = files.export(id).orElseThrow(NotFoundException::new);
        return download(export.fileName(), export.yaml().getBytes(StandardCharsets.UTF_8));
    }

    /** A complete, valid file to start from: the demo's new edition. */
    @GetMapping("/import/example")
    ResponseEntity<byte[]> example() throws IOException {
        try (InputStream in = new ClassPathResource(EXAMPLE).getInputStream()) {
            return download("cycle-example.yaml", in.readAllBytes());
        }
    }

    private String page(Model model, List<CycleFileProblem> problems, String text) {
        model.addAttribute("problems", problems);
        model.addAttribute("text", text);
        model.addAttribute("cycles", cycles.allCycles());
        return "admin/cycle-import";
    }

    /** File names are slugs, plain ASCII, so the simple form of the header is enough. */
    private static ResponseEntity<byte[]> download(String fileName, byte[] content) {
        return ResponseEntity.ok()
                .contentType(YAML)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .body(content);
    }
}

package org.parcours.library.bibliography.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.parcours.library.bibliography.BibliographyEditor;
import org.parcours.library.bibliography.ParsedFile;
import org.parcours.library.bibliography.ReferenceFiles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Imports a BibTeX or RIS file (uploaded or pasted) into a bibliography in two steps. The upload only reads: it
 * shows the references that can be saved and the broken records with their line. The confirmation posts the file
 * back (Base64 in a hidden field of the preview), reads it again with the same reader, and saves every readable
 * reference in one transaction. Nothing is kept on the server between the two steps, so there is nothing to
 * expire or clean up and any node can take the confirmation; the organiser can only "tamper" with their own file,
 * which goes through the same checks. A file with nothing readable is refused with HTTP 422 on the list page.
 */
@Controller
@PreAuthorize("hasRole('ORGANISER')")
class BibliographyImportController {

    private final AdminPages pages;
    private final BibliographyEditor editor;

    BibliographyImportController(AdminPages pages, BibliographyEditor editor) {
        this.pages = pages;
        this.editor = editor;
    }

    /** A reload of the preview or a language switch: back to the list. */
    @GetMapping({BibliographyAdminController.OWNER + "/import", BibliographyAdminController.OWNER + "/import/confirm"})
    String toList(@PathVariable String scope, @PathVariable long id) {
        return "redirect:" + pages.owner(scope, id).base();
    }

    /** The file wins over pasted text. */
    @PostMapping(BibliographyAdminController.OWNER + "/import")
    String upload(
            @PathVariable String scope,
            @PathVariable long id,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "text", defaultValue = "") String text,
            Model model,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        OwnerPage owner = pages.owner(scope, id);
        byte[] content;
        String fileName;
        if (file != null && !file.isEmpty()) {
            if (file.getSize() > ReferenceFiles.MAX_SIZE) {
                return refused(owner, "bibliography.import.tooLarge", "", model, response, locale);
            }
            content = file.getBytes();
            fileName = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        } else {
            content = text.getBytes(StandardCharsets.UTF_8);
            fileName = "";
        }
        ParsedFile parsed = ReferenceFiles.read(content, fileName);
        if (parsed.problem() != null) {
            return refused(owner, parsed.problem(), text, model, response, locale);
        }
        if (parsed.references().isEmpty()) {
            response.setStatus(422);
        }
        return pages.preview(owner, parsed, Base64.getEncoder().encodeToString(content), fileName, model, locale);
    }

    @PostMapping(BibliographyAdminController.OWNER + "/import/confirm")
    String confirm(
            @PathVariable String scope,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String content,
            @RequestParam(defaultValue = "") String fileName,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Locale locale) {
        OwnerPage owner = pages.owner(scope, id);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(content);
        } catch (IllegalArgumentException e) {
            return refused(owner, "bibliography.import.empty", "", model, response, locale);
        }
        ParsedFile parsed = ReferenceFiles.read(bytes, fileName);
        if (parsed.problem() != null) {
            return refused(owner, parsed.problem(), "", model, response, locale);
        }
        if (parsed.references().isEmpty()) {
            return refused(owner, "bibliography.import.noReference", "", model, response, locale);
        }
        int count = editor.importAll(owner.owner(), parsed.data());
        redirect.addFlashAttribute("flash", pages.message("bibliography.flash.imported", locale, count));
        return "redirect:" + owner.base();
    }

    private String refused(
            OwnerPage owner, String key, String text, Model model, HttpServletResponse response, Locale locale) {
        return pages.list(owner, List.of(pages.message(key, locale)), text, model, response, locale);
    }
}

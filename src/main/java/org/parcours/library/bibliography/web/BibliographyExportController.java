package org.parcours.library.bibliography.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.parcours.library.bibliography.Bibliography;
import org.parcours.library.bibliography.Bibliography.ExportFormat;
import org.parcours.library.bibliography.Owner;
import org.parcours.library.bibliography.Reference;
import org.parcours.web.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Public exports of bibliographies as BibTeX ({@code .bib}), RIS ({@code .ris}) and CSL-JSON ({@code .json}),
 * in UTF-8, for sessions of published cycles and for whole published cycles (the cycle's own references, then
 * every session's in path order). Anything else is a 404, like the public pages. Open to everyone (GET
 * {@code /cycles/**} in the security configuration).
 */
@Controller
class BibliographyExportController {

    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,119}");

    private final CycleService cycles;
    private final Bibliography bibliography;

    BibliographyExportController(CycleService cycles, Bibliography bibliography) {
        this.cycles = cycles;
        this.bibliography = bibliography;
    }

    @GetMapping("/cycles/{slug}/sessions/{sessionSlug}/references.{extension}")
    ResponseEntity<byte[]> session(
            @PathVariable String slug, @PathVariable String sessionSlug, @PathVariable String extension) {
        ExportFormat format = ExportFormat.byExtension(extension).orElseThrow(NotFoundException::new);
        Cycle cycle = published(slug);
        Session session = cycles.session(cycle.id(), slug(sessionSlug)).orElseThrow(NotFoundException::new);
        List<Reference> references = bibliography.of(Owner.session(cycle.id(), session.id()));
        return file(bibliography.export(references, format), format, cycle.slug() + "-" + session.slug());
    }

    @GetMapping("/cycles/{slug}/references.{extension}")
    ResponseEntity<byte[]> cycle(@PathVariable String slug, @PathVariable String extension) {
        ExportFormat format = ExportFormat.byExtension(extension).orElseThrow(NotFoundException::new);
        Cycle cycle = published(slug);
        return file(bibliography.export(bibliography.allOfCycle(cycle.id()), format), format, cycle.slug());
    }

    private Cycle published(String slug) {
        return cycles.publishedCycle(slug(slug)).orElseThrow(NotFoundException::new);
    }

    private static String slug(String slug) {
        if (!SLUG.matcher(slug).matches()) {
            throw new NotFoundException();
        }
        return slug;
    }

    /** Slugs are plain ASCII, so the simple form of Content-Disposition is enough. */
    private static ResponseEntity<byte[]> file(String content, ExportFormat format, String name) {
        MediaType type = new MediaType(MediaType.parseMediaType(format.mediaType()), StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.noCache())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name + "-references." + format.extension())
                                .build()
                                .toString())
                .body(content.getBytes(StandardCharsets.UTF_8));
    }
}

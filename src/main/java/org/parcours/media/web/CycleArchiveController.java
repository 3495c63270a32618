package org.parcours.media.web;

import java.nio.charset.StandardCharsets;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.media.CycleArchive;
import org.parcours.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The static export of a published cycle as a zip, streamed as it is written (organisers only). The same archive
 * can be written to a folder from the command line: see docs/media.md.
 */
@Controller
@PreAuthorize("hasRole('ORGANISER')")
class CycleArchiveController {

    private final CycleService cycles;
    private final CycleArchive archive;

    CycleArchiveController(CycleService cycles, CycleArchive archive) {
        this.cycles = cycles;
        this.archive = archive;
    }

    @GetMapping("/admin/cycles/{id}/archive.zip")
    ResponseEntity<StreamingResponseBody> zip(@PathVariable long id) {
        Cycle cycle = cycles.cycle(id).filter(Cycle::published).orElseThrow(NotFoundException::new);
        StreamingResponseBody body = out -> {
            try (CycleArchive.Sink sink = CycleArchive.zip(out, cycle.slug())) {
                archive.write(cycle.slug(), sink);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(cycle.slug() + "-archive.zip", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }
}

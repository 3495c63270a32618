package org.parcours.media;

import java.io.IOException;
import java.io.InputStream;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Demo media: session 3 of the April 2020 demo cycle gets the sample replay (MP4), its French subtitles, its
 * chapters and the slides (from {@code src/main/resources/demo/media/}), so a new user sees the feature at first
 * start. Runs after the demo cycles are imported, only while that session has no media at all, and not with
 * {@code parcours.demo.enabled=false}. Several nodes starting together may race: the loser's upload is refused
 * and removed, and the demo stays whole.
 */
@Component
class MediaDemo {

    static final String CYCLE = "cooperation-2020";
    static final String SESSION = "temps-de-la-cooperation";
    private static final String DIR = "demo/media/";
    private static final Logger log = LoggerFactory.getLogger(MediaDemo.class);

    private final CycleService cycles;
    private final MediaService media;
    private final MediaUploads uploads;
    private final MediaChapters chapters;
    private final boolean enabled;

    MediaDemo(
            CycleService cycles,
            MediaService media,
            MediaUploads uploads,
            MediaChapters chapters,
            @Value("${parcours.demo.enabled:true}") boolean enabled) {
        this.cycles = cycles;
        this.media = media;
        this.uploads = uploads;
        this.chapters = chapters;
        this.enabled = enabled;
    }

    /** After the cycle feature's demo import, which listens to the same event with the default order. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void attachIfMissing() {
        if (!enabled) {
            return;
        }
        cycles.cycle(CYCLE)
                .map(Cycle::id)
                .flatMap(id -> cycles.session(id, SESSION))
                .ifPresent(this::attach);
    }

    private void attach(Session session) {
        long id = session.id();
        SessionMedia current = media.sessionMedia(id);
        if (!current.isEmpty()
                || !current.chapters().isEmpty()
                || !current.subtitles().isEmpty()) {
            return;
        }
        try {
            try (InputStream in = open("replay-sample.mp4")) {
                uploads.attachVideo(id, in, "replay-session3.mp4");
            }
            try (InputStream in = open("replay-sample.fr.vtt")) {
                uploads.attachSubtitles(id, "fr", in, "sous-titres-session3.fr.vtt");
            }
            try (InputStream in = open("replay-sample.chapters.vtt")) {
                chapters.attachChapters(id, in);
            }
            try (InputStream in = open("slides-session3.pdf")) {
                uploads.attachSlides(id, in, "supports-session3.pdf");
            }
            log.info("Demo content: replay, subtitles, chapters and slides attached to {}/{}", CYCLE, SESSION);
        } catch (MediaRejected | TrackProblem | IOException e) {
            // Another node attached them at the same moment, or a bad edit of the demo files (tested).
            log.warn("Demo content: media of {}/{} not attached: {}", CYCLE, SESSION, e.getMessage());
        }
    }

    private static InputStream open(String name) throws IOException {
        return new ClassPathResource(DIR + name).getInputStream();
    }
}

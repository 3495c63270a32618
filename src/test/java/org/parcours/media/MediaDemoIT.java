package org.parcours.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Session 3 of the demo cycle carries the sample replay, French subtitles, chapters and slides. The database may
 * be shared with other tests (and the demo absent when it was not empty at start), so only a present demo is
 * checked, and it is completed first the way a start-up would.
 */
@SpringBootTest
class MediaDemoIT {

    @Autowired
    MediaDemo demo;

    @Autowired
    CycleService cycles;

    @Autowired
    MediaService media;

    @Test
    void sessionThreeOfTheDemoCycleHasItsMedia() {
        var session = cycles.cycle(MediaDemo.CYCLE).flatMap(c -> cycles.session(c.id(), MediaDemo.SESSION));
        if (session.isEmpty()) {
            return; // no demo in a database that was not empty
        }
        demo.attachIfMissing();
        Session s = session.get();
        assertThat(s.position()).isEqualTo(3);
        SessionMedia attached = media.sessionMedia(s.id());
        assertThat(attached.video().contentType()).isEqualTo("video/mp4");
        assertThat(attached.subtitles()).extracting(MediaFile::language).containsExactly("fr");
        assertThat(attached.chapters()).extracting(Chapter::title).contains("Présentation");
        assertThat(attached.slides().pageCount()).isEqualTo(3);
        assertThat(attached.thumbnail()).isNotNull();
    }
}

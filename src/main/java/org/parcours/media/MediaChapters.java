package org.parcours.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.parcours.cycle.AgendaSegment;
import org.parcours.media.MediaStore.Incoming;
import org.springframework.stereotype.Service;

/**
 * A replay's chapters: generated from the session's agenda, edited as start times and titles, or uploaded as a
 * WebVTT file. They are kept as rows (for the list of links on the session page and the form) and as a WebVTT
 * chapters track, stored like any other media file and replaced on every change.
 */
@Service
public class MediaChapters {

    private static final int MAX_CHAPTERS = 200;
    private static final int MAX_TITLE = 200;
    private static final Pattern CLOCK =
            Pattern.compile("(?:(?:(\\d{1,3}):)?([0-5]?\\d):)?([0-5]?\\d|\\d{1,6})(?:[.,](\\d{1,3}))?");

    private final MediaRecords records;
    private final MediaStore store;
    private final MediaUploads uploads;

    MediaChapters(MediaRecords records, MediaStore store, MediaUploads uploads) {
        this.records = records;
        this.store = store;
        this.uploads = uploads;
    }

    /** An uploaded WebVTT (or SRT) chapters file: each cue becomes a chapter. */
    public List<Chapter> attachChapters(long sessionId, InputStream in)
            throws MediaRejected, TrackProblem, IOException {
        List<Chapter> chapters = new ArrayList<>();
        for (Cue cue : TextTracks.read(uploads.readTrack(in))) {
            String title =
                    cue.text().replaceAll("<[^>]*>", "").replaceAll("\\s+", " ").strip();
            chapters.add(new Chapter(cue.startMs(), cue.endMs(), title));
        }
        return save(sessionId, chapters, 0);
    }

    /** Chapters that follow the agenda: one per segment, starting when it is planned to. */
    public List<Chapter> chaptersFromAgenda(long sessionId, List<AgendaSegment> agenda)
            throws MediaRejected, IOException {
        List<Chapter> chapters = new ArrayList<>();
        long start = 0;
        for (AgendaSegment segment : agenda) {
            long end = start + segment.plannedMinutes() * 60_000L;
            chapters.add(new Chapter(start, end, segment.title()));
            start = end;
        }
        if (chapters.isEmpty()) {
            throw new MediaRejected("media.chapters.noAgenda");
        }
        return save(sessionId, chapters, 0);
    }

    /**
     * Chapters as edited: titles and start times; each ends where the next starts, the last where it ended before
     * (or its given end, at least a second after its start). Starts must increase; titles are required.
     */
    public List<Chapter> saveChapters(long sessionId, List<Chapter> chapters) throws MediaRejected, IOException {
        long previousEnd = records.chapters(sessionId).stream()
                .mapToLong(Chapter::endMs)
                .max()
                .orElse(0);
        return save(sessionId, chapters, previousEnd);
    }

    private List<Chapter> save(long sessionId, List<Chapter> chapters, long previousEnd)
            throws MediaRejected, IOException {
        if (chapters.isEmpty()) {
            throw new MediaRejected("media.chapters.none");
        }
        if (chapters.size() > MAX_CHAPTERS) {
            throw new MediaRejected("media.chapters.tooMany", MAX_CHAPTERS);
        }
        List<Chapter> clean = new ArrayList<>();
        for (int i = 0; i < chapters.size(); i++) {
            Chapter c = chapters.get(i);
            String title = c.title().strip();
            if (title.isEmpty() || title.length() > MAX_TITLE) {
                throw new MediaRejected("media.chapters.title", i + 1, MAX_TITLE);
            }
            if (c.startMs() < 0 || (i > 0 && c.startMs() <= chapters.get(i - 1).startMs())) {
                throw new MediaRejected("media.chapters.order", i + 1);
            }
            long end = i + 1 < chapters.size()
                    ? chapters.get(i + 1).startMs()
                    : Math.max(Math.max(c.endMs(), previousEnd), c.startMs() + 1000);
            clean.add(new Chapter(c.startMs(), end, title));
        }
        List<Cue> cues = clean.stream()
                .map(c -> new Cue(c.startMs(), c.endMs(), "", c.title()))
                .toList();
        Incoming vtt = store.receive(TextTracks.write(cues).getBytes(StandardCharsets.UTF_8));
        try {
            uploads.commit(
                    sessionId,
                    List.of(new MediaUploads.Pending(
                            MediaKind.CHAPTERS, "", vtt, ContentType.VTT, "chapters.vtt", null)),
                    () -> records.replaceChapters(sessionId, clean));
            return clean;
        } finally {
            store.discard(vtt);
        }
    }

    /** Parses "75", "1:15", "1:01:15" or "1:15.5" (minutes:seconds) into milliseconds. */
    public static Optional<Long> parseClock(String text) {
        var m = CLOCK.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long h = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long min = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        long s = Long.parseLong(m.group(3));
        String frac = m.group(4) == null ? "0" : (m.group(4) + "00").substring(0, 3);
        return Optional.of(((h * 60 + min) * 60 + s) * 1000 + Long.parseLong(frac));
    }
}

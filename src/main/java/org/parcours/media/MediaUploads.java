package org.parcours.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.parcours.library.search.SearchContentChanged;
import org.parcours.media.MediaStore.Incoming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What organisers change: attach or replace a session's replay, slides and subtitles, or remove media (chapters:
 * {@link MediaChapters}).
 *
 * <p>Every upload follows the same path: stream into a temporary file (size limit counted as bytes arrive), decide
 * the type from the content, check the content (PDFBox opens slides, tracks are parsed), move the file into place,
 * then write the record in one transaction. If anything fails, the new file is deleted and nothing is recorded;
 * a replaced file is deleted only once the new record is committed.
 */
@Service
public class MediaUploads {

    private static final Logger log = LoggerFactory.getLogger(MediaUploads.class);
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final MediaRecords records;
    private final MediaStore store;
    private final MediaSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CycleService cycles;
    private final ApplicationEventPublisher events;

    MediaUploads(
            MediaRecords records,
            MediaStore store,
            MediaSettings settings,
            TransactionTemplate tx,
            Clock clock,
            CycleService cycles,
            ApplicationEventPublisher events) {
        this.records = records;
        this.store = store;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
        this.cycles = cycles;
        this.events = events;
    }

    /** A checked file waiting for its record. */
    record Pending(
            MediaKind kind,
            String language,
            Incoming upload,
            ContentType type,
            String fileName,
            @Nullable Integer pages) {}

    /** An MP4 or WebM replay; replaces the current one and any external video. */
    public MediaFile attachVideo(long sessionId, InputStream in, @Nullable String uploadedName)
            throws MediaRejected, IOException {
        Incoming upload = receive(in, settings.maxSize().toBytes());
        try {
            String detected = ContentType.detect(upload.file());
            ContentType type = ContentType.video(upload.file(), detected)
                    .orElseThrow(() -> new MediaRejected("media.video.wrongType", detected));
            refuseDuplicate(sessionId, MediaKind.VIDEO, "", upload);
            return commit(
                            sessionId,
                            List.of(new Pending(
                                    MediaKind.VIDEO,
                                    "",
                                    upload,
                                    type,
                                    FileNames.clean(uploadedName, "replay", type.extension),
                                    null)),
                            () -> records.clearExternal(sessionId))
                    .get(0);
        } finally {
            store.discard(upload);
        }
    }

    /** A PDF: PDFBox must open it; its page count is kept and its first page rendered as the thumbnail. */
    public MediaFile attachSlides(long sessionId, InputStream in, @Nullable String uploadedName)
            throws MediaRejected, IOException {
        Incoming upload = receive(in, settings.maxSize().toBytes());
        Incoming thumbnail = null;
        try {
            String detected = ContentType.detect(upload.file());
            if (!"application/pdf".equals(detected)) {
                throw new MediaRejected("media.slides.wrongType", detected);
            }
            Slides.Inspected pdf = Slides.inspect(upload.file());
            refuseDuplicate(sessionId, MediaKind.SLIDES, "", upload);
            thumbnail = store.receive(pdf.thumbnailPng());
            String name = FileNames.clean(uploadedName, "slides", "pdf");
            return commit(
                            sessionId,
                            List.of(
                                    new Pending(MediaKind.SLIDES, "", upload, ContentType.PDF, name, pdf.pageCount()),
                                    new Pending(
                                            MediaKind.THUMBNAIL,
                                            "",
                                            thumbnail,
                                            ContentType.PNG,
                                            FileNames.clean(name, "slides", "png"),
                                            null)),
                            () -> {})
                    .get(0);
        } finally {
            store.discard(upload);
            if (thumbnail != null) {
                store.discard(thumbnail);
            }
        }
    }

    /** WebVTT or SRT subtitles in {@code language} (an ISO 639 code), stored as WebVTT. */
    public MediaFile attachSubtitles(long sessionId, String language, InputStream in, @Nullable String uploadedName)
            throws MediaRejected, TrackProblem, IOException {
        String lang = language.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGE.matcher(lang).matches()
                || !Arrays.asList(Locale.getISOLanguages()).contains(lang)) {
            throw new MediaRejected("media.subtitles.language");
        }
        List<Cue> cues = TextTracks.read(readTrack(in));
        Incoming vtt = store.receive(TextTracks.write(cues).getBytes(StandardCharsets.UTF_8));
        try {
            refuseDuplicate(sessionId, MediaKind.SUBTITLES, lang, vtt);
            MediaFile saved = commit(
                            sessionId,
                            List.of(new Pending(
                                    MediaKind.SUBTITLES,
                                    lang,
                                    vtt,
                                    ContentType.VTT,
                                    FileNames.clean(uploadedName, "subtitles-" + lang, "vtt"),
                                    null)),
                            () -> {})
                    .get(0);
            subtitlesChanged(sessionId);
            return saved;
        } finally {
            store.discard(vtt);
        }
    }

    /** A replay hosted on YouTube, Vimeo or a listed PeerTube instance; replaces an uploaded video. */
    public ExternalVideo setExternalVideo(long sessionId, String url) throws MediaRejected {
        ExternalVideo video = ExternalVideo.parse(url, settings.peertubeHosts());
        List<String> old = tx.execute(status -> {
            records.setExternal(sessionId, video.url(), now());
            return records.clear(sessionId, MediaKind.VIDEO, "");
        });
        deleteFiles(old);
        return video;
    }

    /** Removes what a session has of one kind (slides take their thumbnail along; a replay its external link). */
    public boolean remove(long sessionId, MediaKind kind, String language) {
        Removed removed = tx.execute(status -> {
            List<String> keys = new ArrayList<>(records.clear(sessionId, kind, language));
            int rows = keys.size();
            switch (kind) {
                case SLIDES -> keys.addAll(records.clear(sessionId, MediaKind.THUMBNAIL, ""));
                case VIDEO -> rows += records.clearExternal(sessionId);
                case CHAPTERS -> records.replaceChapters(sessionId, List.of());
                default -> {}
            }
            return new Removed(keys, rows > 0);
        });
        deleteFiles(removed.keys());
        if (kind == MediaKind.SUBTITLES && removed.any()) {
            subtitlesChanged(sessionId);
        }
        return removed.any();
    }

    /** library.search: the session's cycle has other subtitles to find now (after the commit). */
    private void subtitlesChanged(long sessionId) {
        cycles.session(sessionId)
                .map(Session::cycleId)
                .ifPresent(
                        cycleId -> events.publishEvent(new SearchContentChanged(SubtitleSearchSource.NAME, cycleId)));
    }

    private record Removed(List<String> keys, boolean any) {}

    private Incoming receive(InputStream in, long max) throws MediaRejected, IOException {
        Incoming upload;
        try {
            upload = store.receive(in, max);
        } catch (MediaStore.TooLargeException e) {
            throw new MediaRejected("media.upload.tooLarge", max);
        }
        if (upload.size() == 0) {
            store.discard(upload);
            throw new MediaRejected("media.upload.empty");
        }
        return upload;
    }

    byte[] readTrack(InputStream in) throws MediaRejected, IOException {
        Incoming upload = receive(in, settings.maxTrackSize().toBytes());
        try {
            return Files.readAllBytes(upload.file());
        } finally {
            store.discard(upload);
        }
    }

    private void refuseDuplicate(long sessionId, MediaKind kind, String language, Incoming upload)
            throws MediaRejected {
        if (records.slot(sessionId, kind, language)
                .filter(f -> f.sha256().equals(upload.sha256()))
                .isPresent()) {
            throw new MediaRejected("media.upload.duplicate");
        }
    }

    List<MediaFile> commit(long sessionId, List<Pending> pending, Runnable alsoInTransaction)
            throws MediaRejected, IOException {
        List<String> kept = new ArrayList<>();
        try {
            for (Pending p : pending) {
                kept.add(store.keep(p.upload(), p.type().extension));
            }
            OffsetDateTime now = now();
            List<String> old = new ArrayList<>();
            List<MediaFile> saved = tx.execute(status -> {
                List<MediaFile> files = new ArrayList<>();
                for (int i = 0; i < pending.size(); i++) {
                    Pending p = pending.get(i);
                    old.addAll(records.clear(sessionId, p.kind(), p.language()));
                    long id = records.insert(
                            sessionId,
                            p.kind(),
                            p.language(),
                            kept.get(i),
                            p.type(),
                            p.upload().size(),
                            p.upload().sha256(),
                            p.fileName(),
                            p.pages(),
                            now);
                    files.add(new MediaFile(
                            id,
                            sessionId,
                            p.kind(),
                            p.language(),
                            kept.get(i),
                            p.type().mimeType,
                            p.upload().size(),
                            p.upload().sha256(),
                            p.fileName(),
                            p.pages(),
                            now));
                }
                alsoInTransaction.run();
                return files;
            });
            deleteFiles(old);
            return saved;
        } catch (DuplicateKeyException e) {
            kept.forEach(store::delete);
            throw new MediaRejected("media.upload.concurrent");
        } catch (IOException | RuntimeException e) {
            kept.forEach(store::delete);
            throw e;
        }
    }

    private void deleteFiles(List<String> keys) {
        for (String key : keys) {
            store.delete(key);
            log.debug("Deleted media file {}", key);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}

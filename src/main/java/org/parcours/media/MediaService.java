package org.parcours.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The public read API of session media: what a session page and a cycle page show, and which stored file a
 * {@code /media/<key>} address names. Files of sessions whose cycle is not published are only given to organisers.
 */
@Service
public class MediaService {

    private final MediaRecords records;
    private final MediaStore store;
    private final MediaSettings settings;
    private final PublishedSessions published;
    /**
     * Records by key, as a replay is fetched in hundreds of range requests. A key always names the same bytes, so
     * only a deletion can make an entry wrong, and then the file is gone too (checked on every request).
     */
    private final Cache<String, MediaFile> byKey = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    MediaService(MediaRecords records, MediaStore store, MediaSettings settings, PublishedSessions published) {
        this.records = records;
        this.store = store;
        this.settings = settings;
        this.published = published;
    }

    /** A file ready to be served: its record and where it is on disk. */
    public record Servable(MediaFile file, Path path) {}

    public SessionMedia sessionMedia(long sessionId) {
        List<MediaFile> files = records.files(sessionId);
        Optional<String> externalUrl = records.externalUrl(sessionId);
        if (files.isEmpty() && externalUrl.isEmpty()) {
            return SessionMedia.NONE;
        }
        ExternalVideo external = externalUrl.flatMap(this::external).orElse(null);
        return new SessionMedia(
                one(files, MediaKind.VIDEO),
                external,
                files.stream().filter(f -> f.kind() == MediaKind.SUBTITLES).toList(),
                one(files, MediaKind.CHAPTERS),
                records.chapters(sessionId),
                one(files, MediaKind.SLIDES),
                one(files, MediaKind.THUMBNAIL));
    }

    /** For each of {@code sessionIds} that has any: whether it has a replay and slides. */
    public Map<Long, MediaSummary> summaries(Collection<Long> sessionIds) {
        Set<Long> replay = new HashSet<>(records.sessionsWithExternal(sessionIds));
        Set<Long> slides = new HashSet<>();
        for (MediaFile file : records.files(sessionIds)) {
            switch (file.kind()) {
                case VIDEO -> replay.add(file.sessionId());
                case SLIDES -> slides.add(file.sessionId());
                default -> {}
            }
        }
        Map<Long, MediaSummary> summaries = new HashMap<>();
        Set<Long> any = new HashSet<>(replay);
        any.addAll(slides);
        for (Long id : any) {
            summaries.put(id, new MediaSummary(replay.contains(id), slides.contains(id)));
        }
        return summaries;
    }

    /**
     * The file named {@code key}, if it exists and the visitor may see it: anyone for a published cycle's session,
     * organisers always.
     */
    public Optional<Servable> servable(String key, boolean organiser) {
        Optional<Path> path = store.path(key);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        MediaFile cached = byKey.getIfPresent(key);
        Optional<MediaFile> file = cached != null ? Optional.of(cached) : records.file(key);
        file.ifPresent(f -> byKey.put(key, f));
        return file.filter(f -> organiser || published.isPublished(f.sessionId()))
                .filter(f -> Files.isRegularFile(path.get()))
                .map(f -> new Servable(f, path.get()));
    }

    /**
     * A video address as a player that may be embedded on request (YouTube, Vimeo, a PeerTube instance listed in
     * the settings); empty for any other address. The live room shows a session's livestream this way.
     */
    public Optional<ExternalVideo> embeddable(String url) {
        try {
            return Optional.of(ExternalVideo.parse(url, settings.peertubeHosts()));
        } catch (MediaRejected e) {
            return Optional.empty();
        }
    }

    public MediaSettings settings() {
        return settings;
    }

    private Optional<ExternalVideo> external(String url) {
        try {
            return Optional.of(ExternalVideo.parse(url, settings.peertubeHosts()));
        } catch (MediaRejected e) {
            // A PeerTube host removed from the settings since: offer the plain link only.
            return Optional.of(new ExternalVideo(url, "link", ""));
        }
    }

    private static @Nullable MediaFile one(List<MediaFile> files, MediaKind kind) {
        return files.stream().filter(f -> f.kind() == kind).findFirst().orElse(null);
    }
}

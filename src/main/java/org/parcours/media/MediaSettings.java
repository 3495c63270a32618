package org.parcours.media;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where media files live and how large they may be ({@code parcours.media.*}, see docs/media.md).
 *
 * @param directory where files are stored ({@code PARCOURS_FILES_DIR}, default {@code ./data/files})
 * @param maxSize the largest replay or slides file accepted ({@code PARCOURS_MEDIA_MAX_SIZE}, default 4 GB); the
 *     servlet multipart limits are set to the same value
 * @param maxTrackSize the largest subtitles or chapters file accepted
 * @param otherUploadsMaxSize the request size allowed for multipart requests anywhere else (cycle files, …)
 * @param peertubeHosts PeerTube instances whose videos may be embedded (their host names; each is added to the
 *     Content-Security-Policy {@code frame-src})
 */
@ConfigurationProperties("parcours.media")
public record MediaSettings(
        Path directory,
        DataSize maxSize,
        DataSize maxTrackSize,
        DataSize otherUploadsMaxSize,
        List<String> peertubeHosts) {

    public MediaSettings {
        directory = directory == null ? Path.of("data", "files") : directory;
        maxSize = maxSize == null ? DataSize.ofGigabytes(4) : maxSize;
        maxTrackSize = maxTrackSize == null ? DataSize.ofMegabytes(1) : maxTrackSize;
        otherUploadsMaxSize = otherUploadsMaxSize == null ? DataSize.ofMegabytes(8) : otherUploadsMaxSize;
        peertubeHosts = peertubeHosts == null
                ? List.of()
                : peertubeHosts.stream()
                        .map(String::strip)
                        .filter(h -> !h.isEmpty())
                        .map(h -> h.toLowerCase(java.util.Locale.ROOT))
                        .toList();
    }

    /** The {@code frame-src} sources media embeds need, beyond YouTube (no-cookie) and Vimeo. */
    public String extraFrameSources() {
        return peertubeHosts.stream().map(h -> " https://" + h).reduce("", String::concat);
    }
}

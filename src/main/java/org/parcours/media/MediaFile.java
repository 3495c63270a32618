package org.parcours.media;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One stored file. {@code storageKey} is its public name ({@code /media/<key>}): random, with the extension of its
 * detected type, so a key always names the same bytes and can be cached for good. {@code fileName} is the
 * cleaned-up name the organiser uploaded, offered for downloads only.
 */
public record MediaFile(
        long id,
        long sessionId,
        MediaKind kind,
        String language,
        String storageKey,
        String contentType,
        long sizeBytes,
        String sha256,
        String fileName,
        @Nullable Integer pageCount,
        OffsetDateTime createdAt) {

    /** The public name: {@code /media/<key>}. */
    public String key() {
        return storageKey;
    }

    /** A strong validator: the content hash (shortened), which never changes for a key. */
    public String etag() {
        return "\"" + sha256.substring(0, 32) + "\"";
    }
}

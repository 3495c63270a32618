package org.parcours.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.apache.tika.Tika;

/**
 * The types Parcours stores, decided from a file's first bytes, never from its name or the browser's claim.
 * Apache Tika's magic-byte detection names the family; for the ISO media and Matroska families the container's
 * own brand decides between the accepted MP4/WebM and the refused QuickTime/Matroska variants. None of these types
 * is one a browser would run as a page or script.
 */
enum ContentType {
    MP4("video/mp4", "mp4"),
    WEBM("video/webm", "webm"),
    PDF("application/pdf", "pdf"),
    PNG("image/png", "png"),
    VTT("text/vtt;charset=utf-8", "vtt");

    private static final Tika TIKA = new Tika();
    private static final int HEAD = 64;

    final String mimeType;
    final String extension;

    ContentType(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    /** What Tika says about a file, by content only (the name is not given to it). */
    static String detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return TIKA.detect(in);
        }
    }

    /** The video type of a file, if it is an MP4 or WebM video. */
    static Optional<ContentType> video(Path file, String detected) throws IOException {
        byte[] head = head(file);
        return switch (detected) {
            case "video/mp4", "video/quicktime", "application/mp4" ->
                isoBrand(head).filter(ContentType::mp4Brand).map(b -> MP4);
            case "video/webm", "video/x-matroska", "application/x-matroska" ->
                webmDocType(head) ? Optional.of(WEBM) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** The major brand of an ISO base media file ({@code ftyp} box first). */
    private static Optional<String> isoBrand(byte[] head) {
        if (head.length < 12 || !"ftyp".equals(new String(head, 4, 4, StandardCharsets.ISO_8859_1))) {
            return Optional.empty();
        }
        return Optional.of(new String(head, 8, 4, StandardCharsets.ISO_8859_1));
    }

    private static boolean mp4Brand(String brand) {
        return switch (brand) {
            case "isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "dash", "M4V ", "mmp4", "MSNV" -> true;
            default -> false;
        };
    }

    /** An EBML header whose DocType (element 0x4282) is "webm". */
    private static boolean webmDocType(byte[] head) {
        byte[] docType = {0x42, (byte) 0x82};
        for (int i = 4; i + 3 < head.length; i++) {
            if (head[i] == docType[0] && head[i + 1] == docType[1]) {
                int length = head[i + 2] & 0x7f; // one-byte EBML size (0x84 → 4)
                int start = i + 3;
                return start + length <= head.length
                        && "webm".equals(new String(head, start, length, StandardCharsets.US_ASCII));
            }
        }
        return false;
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(HEAD);
            return Arrays.copyOf(head, head.length);
        }
    }
}

package org.parcours.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The file directory. An upload is copied into {@code .incoming/} while its size is counted and its SHA-256
 * computed (never held in memory), checked by the caller, then moved into place with an atomic rename, so a file
 * under its final name is always complete. Files are stored as {@code <first two characters>/<key>}; keys are
 * random hex plus an extension and are checked against a strict pattern before any path is built from them.
 */
@Component
class MediaStore {

    static final Pattern KEY = Pattern.compile("[0-9a-f]{32}\\.(mp4|webm|pdf|png|vtt)");
    private static final String INCOMING = ".incoming";
    private static final int BUFFER = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(MediaStore.class);

    private final Path root;
    private final Path incoming;

    MediaStore(MediaSettings settings) {
        this.root = settings.directory().toAbsolutePath().normalize();
        this.incoming = root.resolve(INCOMING);
        try {
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the media directory " + root, e);
        }
    }

    /** A complete upload in a temporary file, not yet under a key. */
    record Incoming(Path file, long size, String sha256) {}

    /** Thrown when more than the allowed bytes arrive; the temporary file is already gone. */
    static final class TooLargeException extends IOException {
        TooLargeException() {
            super("upload larger than allowed", null);
        }
    }

    /**
     * Copies {@code in} to a temporary file, refusing more than {@code maxBytes}. On any failure (too large, the
     * client went away, disk full) the temporary file is deleted before the exception propagates.
     */
    Incoming receive(InputStream in, long maxBytes) throws IOException {
        Path temp = incoming.resolve(UUID.randomUUID() + ".part");
        MessageDigest sha256 = sha256();
        long size = 0;
        try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) != -1) {
                size += n;
                if (size > maxBytes) {
                    throw new TooLargeException();
                }
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return new Incoming(temp, size, HexFormat.of().formatHex(sha256.digest()));
    }

    /** Writes small generated content (a thumbnail, a WebVTT track) the same way. */
    Incoming receive(byte[] content) throws IOException {
        return receive(new java.io.ByteArrayInputStream(content), Long.MAX_VALUE);
    }

    /** Moves a checked upload into place under a new key with {@code extension}; returns the key. */
    String keep(Incoming upload, String extension) throws IOException {
        String key = UUID.randomUUID().toString().replace("-", "") + "." + extension;
        Path target = path(key).orElseThrow();
        Files.createDirectories(target.getParent());
        try {
            Files.move(upload.file(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // Same directory tree, so this only happens on exotic file systems; the target name is fresh.
            Files.move(upload.file(), target);
        }
        return key;
    }

    void discard(Incoming upload) {
        try {
            Files.deleteIfExists(upload.file());
        } catch (IOException e) {
            log.warn("Could not delete the temporary upload {}", upload.file(), e);
        }
    }

    void delete(String key) {
        path(key).ifPresent(p -> {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                log.warn("Could not delete media file {}", p, e);
            }
        });
    }

    /** The file of a key, if the key is well-formed (the file itself may be missing). */
    Optional<Path> path(String key) {
        if (!KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        return Optional.of(root.resolve(key.substring(0, 2)).resolve(key));
    }

    Path root() {
        return root;
    }

    /**
     * Removes what an interrupted process may have left: temporary uploads and files whose record is gone (a
     * deleted session), when older than {@code age} so another node's upload in progress is never touched.
     */
    int sweep(Predicate<String> known, Duration age, Instant now) {
        int removed = 0;
        FileTime before = FileTime.from(now.minus(age));
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                    for (Path file : files) {
                        String name = file.getFileName().toString();
                        boolean orphan =
                                dir.equals(incoming) || (KEY.matcher(name).matches() && !known.test(name));
                        if (orphan && Files.getLastModifiedTime(file).compareTo(before) < 0) {
                            Files.deleteIfExists(file);
                            removed++;
                        }
                    }
                }
            }
        } catch (IOException e) {
            log.warn("Media sweep stopped early", e);
        }
        return removed;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

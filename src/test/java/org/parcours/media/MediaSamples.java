package org.parcours.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample media shipped with the demo content and two test-only files (a WebM, and HTML named .pdf), copied from shared/samples/media. */
public final class MediaSamples {

    public static final Path DIR = Path.of("src/main/resources/demo/media");
    public static final Path TEST_DIR = Path.of("src/test/resources/media");

    private MediaSamples() {}

    public static byte[] bytes(String name) {
        try {
            Path path = Files.exists(DIR.resolve(name)) ? DIR.resolve(name) : TEST_DIR.resolve(name);
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

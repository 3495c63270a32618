package org.parcours.library.bibliography;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The reference samples (copied from shared/samples/references into src/test/resources/library). */
public final class Samples {

    private Samples() {}

    public static byte[] bytes(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/library/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}

package org.parcours.library.qa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The real chat exports in src/test/resources/library/chat (copied from shared/samples/chat). */
public final class ChatSamples {

    /** A session starting at 10:00 in Paris, as the Zoom samples' clock times suppose. */
    public static final ZonedDateTime TEN_O_CLOCK =
            ZonedDateTime.of(2020, 4, 2, 10, 0, 0, 0, ZoneId.of("Europe/Paris"));

    private ChatSamples() {}

    public static byte[] bytes(String name) {
        try (InputStream in = ChatSamples.class.getResourceAsStream("/library/chat/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8);
    }
}

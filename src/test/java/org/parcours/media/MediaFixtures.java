package org.parcours.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Counts what a test left in the media tables and directory, to prove refused uploads leave nothing. */
@TestComponent
public class MediaFixtures {

    private final JdbcClient jdbc;
    private final MediaSettings settings;

    MediaFixtures(JdbcClient jdbc, MediaSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    public long records(long sessionId) {
        return jdbc.sql("select count(*) from media_file where session_id = :s")
                .param("s", sessionId)
                .query(Long.class)
                .single();
    }

    /** Every regular file under the media directory, temporary uploads included. */
    public long files() {
        Path root = settings.directory();
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path directory() {
        return settings.directory();
    }
}

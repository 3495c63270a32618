package org.parcours.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** The checks every upload goes through before anything is recorded: storage, type by content, names, PDFs. */
class UploadChecksTest {

    @TempDir
    Path dir;

    private MediaStore store() {
        return new MediaStore(new MediaSettings(dir, DataSize.ofMegabytes(1), null, null, List.of()));
    }

    private long filesIn(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void keepsACompleteUploadUnderAFreshKeyWithItsHash() throws IOException {
        MediaStore store = store();
        MediaStore.Incoming upload = store.receive(new ByteArrayInputStream("hello".getBytes()), 100);
        assertThat(upload.size()).isEqualTo(5);
        assertThat(upload.sha256()).isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        String key = store.keep(upload, "vtt");
        assertThat(key).matches("[0-9a-f]{32}\\.vtt");
        assertThat(Files.readString(store.path(key).orElseThrow())).isEqualTo("hello");
        assertThat(Files.exists(upload.file())).isFalse();
    }

    @Test
    void leavesNothingBehindWhenTheUploadIsTooLargeOrCutShort() throws IOException {
        MediaStore store = store();
        assertThatThrownBy(() -> store.receive(new ByteArrayInputStream(new byte[101]), 100))
                .isInstanceOf(MediaStore.TooLargeException.class);
        InputStream cut = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ < 70_000) {
                    return 'x';
                }
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> store.receive(cut, 1_000_000)).hasMessage("connection reset");
        assertThat(filesIn(dir)).isZero();
    }

    @Test
    void keysThatCouldEscapeTheDirectoryNameNoFile() {
        MediaStore store = store();
        assertThat(store.path("../../etc/passwd")).isEmpty();
        assertThat(store.path("0123456789abcdef0123456789abcdef.mp4/../x")).isEmpty();
        assertThat(store.path("0123456789abcdef0123456789abcdef.html")).isEmpty();
        assertThat(store.path("0123456789abcdef0123456789abcdef.mp4"))
                .contains(dir.toAbsolutePath().resolve("01/0123456789abcdef0123456789abcdef.mp4"));
    }

    @Test
    void downloadNamesKeepOnlyTheLastSegmentAndTheRealExtension() {
        assertThat(FileNames.clean("../../etc/passwd.pdf", "slides", "pdf")).isEqualTo("passwd.pdf");
        assertThat(FileNames.clean("C:\\Users\\me\\Séance 3.PDF", "slides", "pdf"))
                .isEqualTo("Séance 3.pdf");
        assertThat(FileNames.clean("evil\"; filename=x.html\r\n.mp4", "replay", "mp4"))
                .isEqualTo("evil filename_x.html.mp4");
        assertThat(FileNames.clean("slides.html", "slides", "pdf")).isEqualTo("slides.pdf");
        assertThat(FileNames.clean("..", "slides", "pdf")).isEqualTo("slides.pdf");
        assertThat(FileNames.clean(null, "replay", "webm")).isEqualTo("replay.webm");
        assertThat(FileNames.clean("a".repeat(300) + ".pdf", "slides", "pdf")).hasSize(124);
    }

    @Test
    void typesComeFromContentNotNames() throws IOException {
        assertThat(video("replay-sample.mp4")).contains(ContentType.MP4);
        assertThat(video("replay-sample.webm")).contains(ContentType.WEBM);
        assertThat(video("slides-session3.pdf")).isEmpty();
        assertThat(ContentType.detect(sample("not-a-pdf.pdf"))).isEqualTo("text/html");
        assertThat(ContentType.detect(sample("slides-session3.pdf"))).isEqualTo("application/pdf");
        // QuickTime has the same box structure as MP4 but its own brand: refused
        byte[] mov = MediaSamples.bytes("replay-sample.mp4");
        System.arraycopy("qt  ".getBytes(), 0, mov, 8, 4);
        Path file = Files.write(dir.resolve("movie.mp4"), mov);
        assertThat(ContentType.video(file, ContentType.detect(file))).isEmpty();
    }

    @Test
    void slidesGetTheirPageCountAndAThumbnailOrAReason() throws Exception {
        Slides.Inspected pdf = Slides.inspect(sample("slides-session3.pdf"));
        assertThat(pdf.pageCount()).isEqualTo(3);
        assertThat(pdf.thumbnailPng()).startsWith(0x89, 'P', 'N', 'G');

        byte[] truncated = java.util.Arrays.copyOf(MediaSamples.bytes("slides-session3.pdf"), 200);
        Path broken = Files.write(dir.resolve("broken.pdf"), truncated);
        assertThatThrownBy(() -> Slides.inspect(broken))
                .isInstanceOf(MediaRejected.class)
                .hasMessage("media.slides.unreadable");
    }

    @Test
    void theSweepRemovesLeftoversOnlyWhenOld() throws IOException {
        MediaStore store = store();
        String kept = store.keep(store.receive("kept".getBytes()), "vtt");
        String orphan = store.keep(store.receive("orphan".getBytes()), "vtt");
        String young = store.keep(store.receive("young".getBytes()), "vtt");
        Path partial = Files.writeString(dir.resolve(".incoming/interrupted.part"), "half");
        java.time.Instant now = java.time.Instant.now();
        for (Path old :
                List.of(store.path(kept).orElseThrow(), store.path(orphan).orElseThrow(), partial)) {
            Files.setLastModifiedTime(
                    old, java.nio.file.attribute.FileTime.from(now.minus(java.time.Duration.ofHours(2))));
        }
        int removed = store.sweep(key -> key.equals(kept), java.time.Duration.ofHours(1), now);
        assertThat(removed).isEqualTo(2);
        assertThat(store.path(kept).orElseThrow()).exists();
        assertThat(store.path(young).orElseThrow())
                .as("too young to be an orphan")
                .exists();
        assertThat(store.path(orphan).orElseThrow()).doesNotExist();
        assertThat(partial).doesNotExist();
    }

    @Test
    void peertubeHostsBecomeFrameSources() {
        MediaSettings settings = new MediaSettings(dir, null, null, null, List.of(" Video.Example.org ", ""));
        assertThat(settings.peertubeHosts()).containsExactly("video.example.org");
        assertThat(settings.extraFrameSources()).isEqualTo(" https://video.example.org");
        assertThat(settings.maxSize().toGigabytes()).isEqualTo(4);
    }

    private Optional<ContentType> video(String name) throws IOException {
        Path file = sample(name);
        return ContentType.video(file, ContentType.detect(file));
    }

    private Path sample(String name) throws IOException {
        return Files.write(dir.resolve("sample-" + name), MediaSamples.bytes(name));
    }
}

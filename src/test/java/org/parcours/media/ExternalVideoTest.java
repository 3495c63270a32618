package org.parcours.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExternalVideoTest {

    private static ExternalVideo parse(String url) throws MediaRejected {
        return ExternalVideo.parse(url, List.of("video.example.org"));
    }

    @Test
    void youtubeIsEmbeddedFromTheNoCookieDomain() throws MediaRejected {
        for (String url : List.of(
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=x",
                "https://youtu.be/dQw4w9WgXcQ",
                "https://youtube.com/live/dQw4w9WgXcQ",
                "https://m.youtube.com/embed/dQw4w9WgXcQ")) {
            ExternalVideo video = parse(url);
            assertThat(video.provider()).isEqualTo("youtube");
            assertThat(video.embedUrl()).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
        }
        ExternalVideo video = parse("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        assertThat(video.urlAt(600)).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=600s");
        assertThat(video.embedUrlAt(600)).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=600");
    }

    @Test
    void vimeoAndListedPeertubeInstances() throws MediaRejected {
        assertThat(parse("https://vimeo.com/76979871").embedUrl())
                .isEqualTo("https://player.vimeo.com/video/76979871?dnt=1");
        assertThat(parse("https://video.example.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d")
                        .embedUrl())
                .isEqualTo("https://video.example.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d");
        assertThatThrownBy(() -> parse("https://tube.other.net/w/kkGMgK9ZtnKfYAgnEtQxbv"))
                .isInstanceOf(MediaRejected.class)
                .hasMessage("media.external.peertubeHost");
    }

    @Test
    void anythingElseIsRefusedWithAReason() {
        assertThatThrownBy(() -> parse("http://www.youtube.com/watch?v=dQw4w9WgXcQ"))
                .hasMessage("media.external.https");
        assertThatThrownBy(() -> parse("javascript:alert(1)")).hasMessage("media.external.https");
        assertThatThrownBy(() -> parse("https://evil.example/watch?v=dQw4w9WgXcQ"))
                .hasMessage("media.external.unknown");
        assertThatThrownBy(() -> parse("https://www.youtube.com/watch?v=short")).hasMessage("media.external.unknown");
        assertThatThrownBy(() -> parse("https://user@youtu.be/dQw4w9WgXcQ")).hasMessage("media.external.https");
        assertThatThrownBy(() -> parse("not a url at all")).isInstanceOf(MediaRejected.class);
    }
}

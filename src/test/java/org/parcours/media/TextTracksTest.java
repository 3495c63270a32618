package org.parcours.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTracksTest {

    private static List<Cue> read(String text) throws TrackProblem {
        return TextTracks.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static TrackProblem problem(String text) {
        try {
            read(text);
        } catch (TrackProblem e) {
            return e;
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void readsTheSampleSubtitlesWithTheirVoiceTag() throws TrackProblem {
        List<Cue> cues = TextTracks.read(MediaSamples.bytes("replay-sample.fr.vtt"));
        assertThat(cues).hasSize(4);
        assertThat(cues.get(0).startMs()).isEqualTo(500);
        assertThat(cues.get(2).text()).startsWith("<v Intervenante>Coopérer");
        assertThat(cues.get(3).endMs()).isEqualTo(19_500);
    }

    @Test
    void writesWebVttThatReadsBackTheSame() throws TrackProblem {
        List<Cue> cues = TextTracks.read(MediaSamples.bytes("replay-sample.chapters.vtt"));
        String vtt = TextTracks.write(cues);
        assertThat(vtt).startsWith("WEBVTT\n\n00:00:00.000 --> 00:00:04.500\nOuverture\n");
        assertThat(read(vtt)).isEqualTo(cues);
    }

    @Test
    void convertsSrtAndKeepsShortTimestampsSettingsAndNotes() throws TrackProblem {
        List<Cue> srt = read(
                "1\r\n00:00:01,000 --> 00:00:02,500\r\nBonjour\r\nà tous\r\n\r\n2\r\n00:01:00,000 --> 01:00:00,001\r\nFin\r\n");
        assertThat(srt)
                .containsExactly(new Cue(1000, 2500, "", "Bonjour\nà tous"), new Cue(60_000, 3_600_001, "", "Fin"));
        assertThat(TextTracks.write(srt)).contains("00:00:01.000 --> 00:00:02.500\nBonjour\nà tous\n");

        List<Cue> vtt = read(
                "\uFEFFWEBVTT - titre\n\nNOTE a comment\nspanning lines\n\nintro\n01:02.500 --> 01:03.000 align:start line:0\nHi\n");
        assertThat(vtt).containsExactly(new Cue(62_500, 63_000, "align:start line:0", "Hi"));
    }

    @Test
    void namesTheLineThatIsWrong() {
        TrackProblem timing =
                problem("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nOK\n\n00:00:03.000 -> 00:00:04.000\nBad arrow\n");
        assertThat(timing.line()).isEqualTo(6);
        assertThat(timing.messageKey()).isEqualTo("media.track.problem.timing");
        assertThat(timing.messageArgs()).containsExactly(6, "00:00:03.000 -> 00:00:04.000");

        assertThat(problem("WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nBackwards\n")
                        .line())
                .isEqualTo(3);
        assertThat(problem("WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nA\n\n00:00:01.000 --> 00:00:02.000\nB\n")
                        .messageKey())
                .isEqualTo("media.track.problem.order");
        assertThat(problem("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n00:00:03.000 --> 00:00:04.000\nB\n"))
                .returns(5, TrackProblem::line)
                .returns("media.track.problem.missingBlank", TrackProblem::messageKey);
        assertThat(problem("WEBVTTX\n\n00:00:01.000 --> 00:00:02.000\nA\n").line())
                .isEqualTo(1);
        assertThat(problem("WEBVTT\n\n00:00:61.000 --> 00:01:02.000\nSixty-one seconds\n")
                        .line())
                .isEqualTo(3);
        assertThat(problem("WEBVTT\n\n").messageKey()).isEqualTo("media.track.problem.noCues");
        assertThat(problem("1\n00:00:01,000 --> 00:00:02,000\nA\n\nx\n00:00:03,000 --> 00:00:04,000\nB\n"))
                .returns(5, TrackProblem::line)
                .returns("media.track.problem.srtIndex", TrackProblem::messageKey);
        assertThat(problem("1\n00:00:01.000 => 00:00:02,000\nA\n").line()).isEqualTo(2);
        assertThat(problem("Just some text\n").messageKey()).isEqualTo("media.track.problem.unknownFormat");
    }

    @Test
    void refusesTextThatIsNotUtf8OnItsLine() {
        byte[] latin1 = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nCoopérer\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> TextTracks.read(latin1))
                .isInstanceOf(TrackProblem.class)
                .hasFieldOrPropertyWithValue("line", 4)
                .hasFieldOrPropertyWithValue("messageKey", "media.track.problem.encoding");
        assertThatThrownBy(() -> TextTracks.read(MediaSamples.bytes("replay-sample.mp4")))
                .isInstanceOf(TrackProblem.class);
    }
}

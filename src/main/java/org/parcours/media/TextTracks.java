package org.parcours.media;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads WebVTT and SRT files into cues, strictly enough that a player will not choke on them, and writes WebVTT.
 * Every refusal names the line that is wrong. SRT is recognised by the absence of the {@code WEBVTT} signature and
 * converted (its {@code ,} millisecond separator becomes {@code .}); NOTE, STYLE and REGION blocks of WebVTT files
 * are dropped.
 */
final class TextTracks {

    private static final String TS_VTT = "(?:(\\d{2,}):)?([0-5]\\d):([0-5]\\d)\\.(\\d{3})";
    private static final String TS_SRT = "(\\d{2,}):([0-5]\\d):([0-5]\\d)[,.](\\d{3})";
    private static final Pattern TIMING_VTT =
            Pattern.compile(TS_VTT + "[ \\t]+-->[ \\t]+" + TS_VTT + "((?:[ \\t]+\\S+)*)[ \\t]*");
    private static final Pattern TIMING_SRT = Pattern.compile(TS_SRT + " +--> +" + TS_SRT + "(?:[ \\t].*)?");
    private static final Pattern SIGNATURE = Pattern.compile("WEBVTT(?:[ \\t].*)?");
    private static final Pattern INDEX = Pattern.compile("\\d+");
    /** A cue identifier cannot look like this: it is a timing line with a typo. */
    private static final Pattern LOOKS_LIKE_TIMING = Pattern.compile("\\s*\\d+:\\d{2}[:.,]");

    private TextTracks() {}

    /** WebVTT or SRT bytes → cues; at least one cue. */
    static List<Cue> read(byte[] bytes) throws TrackProblem {
        List<String> lines = lines(decode(bytes));
        boolean vtt = !lines.isEmpty() && lines.get(0).startsWith("WEBVTT");
        List<Cue> cues = vtt ? readVtt(lines) : readSrt(lines);
        if (cues.isEmpty()) {
            throw new TrackProblem(lines.size(), "media.track.problem.noCues");
        }
        return cues;
    }

    static String write(List<Cue> cues) {
        StringBuilder out = new StringBuilder("WEBVTT\n");
        for (Cue cue : cues) {
            out.append('\n')
                    .append(Cue.timestamp(cue.startMs()))
                    .append(" --> ")
                    .append(Cue.timestamp(cue.endMs()))
                    .append(cue.settings().isEmpty() ? "" : " " + cue.settings())
                    .append('\n')
                    .append(cue.text())
                    .append('\n');
        }
        return out.toString();
    }

    private static List<Cue> readVtt(List<String> lines) throws TrackProblem {
        if (!SIGNATURE.matcher(lines.get(0)).matches()) {
            throw new TrackProblem(1, "media.track.problem.signature");
        }
        int i = 1;
        // header: anything up to the first blank line
        while (i < lines.size() && !lines.get(i).isBlank()) {
            if (lines.get(i).contains("-->")) {
                throw new TrackProblem(i + 1, "media.track.problem.blankAfterHeader");
            }
            i++;
        }
        List<Cue> cues = new ArrayList<>();
        while (i < lines.size()) {
            if (lines.get(i).isBlank()) {
                i++;
                continue;
            }
            int blockStart = i;
            String first = lines.get(i);
            if (!first.contains("-->")
                    && (first.equals("NOTE")
                            || first.startsWith("NOTE ")
                            || first.startsWith("NOTE\t")
                            || ((first.equals("STYLE") || first.equals("REGION")) && cues.isEmpty()))) {
                i = skipBlock(lines, i);
                continue;
            }
            if (!first.contains("-->")) {
                if (LOOKS_LIKE_TIMING.matcher(first).lookingAt()) {
                    throw new TrackProblem(blockStart + 1, "media.track.problem.timing", first.strip());
                }
                i++; // cue identifier
                if (i >= lines.size() || lines.get(i).isBlank()) {
                    throw new TrackProblem(blockStart + 1, "media.track.problem.timingExpected");
                }
            }
            int timingLine = i + 1;
            Matcher timing = TIMING_VTT.matcher(lines.get(i));
            if (!timing.matches()) {
                throw new TrackProblem(
                        timingLine, "media.track.problem.timing", lines.get(i).strip());
            }
            long start = millis(timing, 1);
            long end = millis(timing, 5);
            i++;
            StringBuilder text = new StringBuilder();
            while (i < lines.size() && !lines.get(i).isBlank()) {
                if (lines.get(i).contains("-->")) {
                    throw new TrackProblem(i + 1, "media.track.problem.missingBlank");
                }
                text.append(text.isEmpty() ? "" : "\n").append(lines.get(i));
                i++;
            }
            cues.add(checked(cues, new Cue(start, end, timing.group(9).strip(), text.toString()), timingLine));
        }
        return cues;
    }

    private static List<Cue> readSrt(List<String> lines) throws TrackProblem {
        List<Cue> cues = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).isBlank()) {
                i++;
                continue;
            }
            if (!INDEX.matcher(lines.get(i).strip()).matches()) {
                throw new TrackProblem(
                        i + 1,
                        cues.isEmpty() && i == 0
                                ? "media.track.problem.unknownFormat"
                                : "media.track.problem.srtIndex");
            }
            i++;
            int timingLine = i + 1;
            Matcher timing = i < lines.size() ? TIMING_SRT.matcher(lines.get(i)) : null;
            if (timing == null || !timing.matches()) {
                throw new TrackProblem(
                        timingLine,
                        "media.track.problem.srtTiming",
                        i < lines.size() ? lines.get(i).strip() : "");
            }
            long start = srtMillis(timing, 1);
            long end = srtMillis(timing, 5);
            i++;
            StringBuilder text = new StringBuilder();
            while (i < lines.size() && !lines.get(i).isBlank()) {
                if (lines.get(i).contains("-->")) {
                    throw new TrackProblem(i + 1, "media.track.problem.missingBlank");
                }
                text.append(text.isEmpty() ? "" : "\n").append(lines.get(i));
                i++;
            }
            cues.add(checked(cues, new Cue(start, end, "", text.toString()), timingLine));
        }
        return cues;
    }

    private static Cue checked(List<Cue> before, Cue cue, int line) throws TrackProblem {
        if (cue.endMs() <= cue.startMs()) {
            throw new TrackProblem(line, "media.track.problem.endBeforeStart");
        }
        if (!before.isEmpty() && cue.startMs() < before.get(before.size() - 1).startMs()) {
            throw new TrackProblem(line, "media.track.problem.order");
        }
        if (cue.text().isBlank()) {
            throw new TrackProblem(line, "media.track.problem.emptyCue");
        }
        return cue;
    }

    private static int skipBlock(List<String> lines, int i) {
        while (i < lines.size() && !lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    private static long millis(Matcher m, int group) {
        long hours = m.group(group) == null ? 0 : Long.parseLong(m.group(group));
        return ((hours * 60 + Long.parseLong(m.group(group + 1))) * 60 + Long.parseLong(m.group(group + 2))) * 1000
                + Long.parseLong(m.group(group + 3));
    }

    private static long srtMillis(Matcher m, int group) {
        return ((Long.parseLong(m.group(group)) * 60 + Long.parseLong(m.group(group + 1))) * 60
                                + Long.parseLong(m.group(group + 2)))
                        * 1000
                + Long.parseLong(m.group(group + 3));
    }

    /** Strict UTF-8 (a byte-order mark is allowed); a bad byte is reported on its line. */
    private static String decode(byte[] bytes) throws TrackProblem {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int b = 0; b < in.position(); b++) {
                if (bytes[b] == '\n') {
                    line++;
                }
            }
            throw new TrackProblem(line, "media.track.problem.encoding");
        }
        String text = out.flip().toString();
        if (text.indexOf('\0') >= 0) {
            throw new TrackProblem(0, "media.track.problem.binary");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static List<String> lines(String text) {
        return List.of(text.split("\r\n|\r|\n", -1));
    }
}

package org.parcours.cycle;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns uploaded bytes into text. Cycle files are UTF-8; a UTF-8 byte order mark is skipped and Windows line ends
 * are fine. Anything else (Latin-1, UTF-16) is refused with the line of the first byte that is not UTF-8, rather
 * than guessed: a wrong guess would store garbled accents without anyone noticing.
 */
final class CycleFileDecoder {

    private CycleFileDecoder() {}

    /** The text, or {@code null} with a problem added. */
    static @Nullable String decode(byte[] bytes, List<CycleFileProblem> problems) {
        if (bytes.length >= 2
                && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                        || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            problems.add(CycleFileProblem.of(1, "", "encoding.utf16"));
            return null;
        }
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            problems.add(CycleFileProblem.of(line, "", "encoding"));
            return null;
        }
        return out.flip().toString();
    }

    /** Text pasted or read elsewhere may still start with the byte order mark character. */
    static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
    }
}

package org.parcours.library.qa;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Text as chat exports really are: with or without a byte-order mark, UTF-8 or the Windows Latin-1 of older
 * exports, any line ending, control characters, very long messages.
 */
final class ChatText {

    /** Longest message kept; longer ones are cut with an ellipsis (the file is not refused). */
    static final int MAX_TEXT = 2000;

    static final int MAX_AUTHOR = 120;

    static final String ELLIPSIS = "…";

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private ChatText() {}

    /**
     * Decodes a file: a UTF-8 or UTF-16 byte-order mark says the encoding; otherwise UTF-8 when the bytes are valid
     * UTF-8, and Windows-1252 (a superset of Latin-1) when they are not.
     */
    static String decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return utf8OrWindows(ByteBuffer.wrap(bytes, 3, bytes.length - 3));
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        return utf8OrWindows(ByteBuffer.wrap(bytes));
    }

    private static String utf8OrWindows(ByteBuffer bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes.duplicate())
                    .toString();
        } catch (CharacterCodingException e) {
            return WINDOWS_1252.decode(bytes).toString();
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The lines of a text, whatever its line endings (CRLF, LF or CR). */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < length) {
            lines.add(text.substring(start));
        }
        if (!lines.isEmpty() && lines.getFirst().startsWith("\uFEFF")) {
            lines.set(0, lines.getFirst().substring(1));
        }
        return lines;
    }

    /**
     * A message or name as it will be stored: composed accents (NFC), no control characters but line breaks, no
     * blanks at either end, and at most {@code max} UTF-16 units, cut on a character boundary with an ellipsis.
     */
    static String clean(String text, int max) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        for (int i = 0; i < composed.length(); i++) {
            char c = composed.charAt(i);
            if (c == '\t') {
                out.append(' ');
            } else if (c == '\n' || !Character.isISOControl(c) && c != '\uFEFF') {
                out.append(c);
            }
        }
        return truncate(out.toString().strip(), max);
    }

    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - ELLIPSIS.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    /** The start of a line, for the list of lines that could not be read. */
    static String excerpt(String line) {
        return clean(line, 120);
    }
}

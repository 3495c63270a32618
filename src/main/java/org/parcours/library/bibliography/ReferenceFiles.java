package org.parcours.library.bibliography;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads an uploaded or pasted bibliography: BibTeX or RIS, told apart by the file name's extension or else by the
 * content (a RIS file starts with "TY  -"). Bytes are UTF-8, with or without a byte order mark (UTF-16 with a mark
 * is read too); bytes that are not valid UTF-8 are read as Latin-1 (Windows-1252, which Windows exporters write).
 * Line ends may be CRLF, LF or CR. Reading never saves anything.
 */
public final class ReferenceFiles {

    /** Largest file accepted, in bytes (and characters for pasted text): thousands of references. */
    public static final int MAX_SIZE = 1_000_000;

    private static final Charset LATIN_1 = Charset.forName("windows-1252");

    private ReferenceFiles() {}

    public static ParsedFile read(byte[] content, @Nullable String fileName) {
        if (content.length > MAX_SIZE) {
            return ParsedFile.unreadable("tooLarge");
        }
        return read(decode(content), fileName);
    }

    public static ParsedFile read(String content, @Nullable String fileName) {
        if (content.length() > MAX_SIZE) {
            return ParsedFile.unreadable("tooLarge");
        }
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        if (text.isBlank()) {
            return ParsedFile.unreadable("empty");
        }
        ParsedFile.Format format = format(text, fileName);
        if (format == null) {
            return ParsedFile.unreadable("unknownFormat");
        }
        ParsedFile parsed = format == ParsedFile.Format.RIS ? RisReader.read(text) : BibtexReader.read(text);
        if (parsed.references().isEmpty() && parsed.broken().isEmpty()) {
            return ParsedFile.unreadable("noReference");
        }
        return parsed;
    }

    static ParsedFile.@Nullable Format format(String text, @Nullable String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".ris")) {
            return ParsedFile.Format.RIS;
        }
        if (name.endsWith(".bib") || name.endsWith(".bibtex")) {
            return ParsedFile.Format.BIBTEX;
        }
        String start = text.stripLeading();
        if (start.startsWith("TY  -")) {
            return ParsedFile.Format.RIS;
        }
        return text.contains("@") ? ParsedFile.Format.BIBTEX : null;
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        int offset =
                bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                        ? 3
                        : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer)
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, bytes.length - offset, LATIN_1);
        }
    }
}

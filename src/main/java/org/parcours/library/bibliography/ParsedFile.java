package org.parcours.library.bibliography;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an imported file holds: the references that can be saved, each with the line its record starts on, and
 * the records that cannot, with their line and the reason. {@code problem} is set (and both lists empty) when
 * the file as a whole cannot be read: empty, too large, or in no supported format.
 */
public record ParsedFile(
        @Nullable Format format,
        List<Parsed> references,
        List<Broken> broken,
        @Nullable String problem) {

    public enum Format {
        BIBTEX,
        RIS
    }

    /** A reference read from the record starting on {@code line}. */
    public record Parsed(int line, ReferenceData data) {}

    /**
     * A record that was left out: its first line, a message key of the {@code bibliography} bundle and the
     * details it shows (a field, a type...).
     */
    public record Broken(int line, String messageKey, String detail) {}

    public ParsedFile {
        references = List.copyOf(references);
        broken = List.copyOf(broken);
    }

    static ParsedFile unreadable(String problem) {
        return new ParsedFile(null, List.of(), List.of(), "bibliography.import." + problem);
    }

    public List<ReferenceData> data() {
        return references.stream().map(Parsed::data).toList();
    }
}

package org.parcours.library.bibliography;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.BibTeXString;
import org.jbibtex.Key;
import org.jbibtex.ObjectResolutionException;
import org.jbibtex.ParseException;
import org.jbibtex.Value;
import org.jspecify.annotations.Nullable;

/**
 * Reads BibTeX and biblatex files with jbibtex ({@code @string} macros, braces, quotes, {@code #} concatenation,
 * comments), one record at a time so that a broken record is reported with its first line while the others are
 * still read. A record starts on a line whose first character (after spaces) is {@code @}. Field values go through
 * {@link LatexText}; URLs, DOIs and ISBNs are taken verbatim.
 */
final class BibtexReader {

    private static final Pattern RECORD_TYPE = Pattern.compile("^\\s*@\\s*([A-Za-z]+)");
    private static final Pattern YEAR = Pattern.compile("\\b(\\d{4})\\b");

    private static final Map<String, ReferenceKind> KINDS = new HashMap<>();

    static {
        for (String t : List.of(
                "book",
                "mvbook",
                "booklet",
                "collection",
                "mvcollection",
                "proceedings",
                "mvproceedings",
                "reference",
                "mvreference")) {
            KINDS.put(t, ReferenceKind.BOOK);
        }
        for (String t : List.of("article", "periodical", "suppperiodical")) {
            KINDS.put(t, ReferenceKind.ARTICLE);
        }
        for (String t : List.of(
                "inbook",
                "incollection",
                "inproceedings",
                "conference",
                "bookinbook",
                "suppbook",
                "suppcollection",
                "inreference")) {
            KINDS.put(t, ReferenceKind.CHAPTER);
        }
        for (String t : List.of("video", "movie", "audio")) {
            KINDS.put(t, ReferenceKind.VIDEO);
        }
        for (String t : List.of("online", "electronic", "www", "webpage")) {
            KINDS.put(t, ReferenceKind.WEB_PAGE);
        }
        for (String t : List.of(
                "techreport", "report", "thesis", "mastersthesis", "phdthesis", "manual", "unpublished", "misc")) {
            KINDS.put(t, ReferenceKind.REPORT);
        }
    }

    private BibtexReader() {}

    static ParsedFile read(String text) {
        List<Chunk> chunks = chunks(text);
        List<ParsedFile.Parsed> references = new ArrayList<>();
        List<ParsedFile.Broken> broken = new ArrayList<>();
        List<BibTeXString> strings = new ArrayList<>();
        for (Chunk chunk : chunks) {
            if (chunk.type().equals("comment") || chunk.type().equals("preamble")) {
                continue;
            }
            BibTeXDatabase database;
            try {
                database = parser(strings).parse(new StringReader(chunk.text()));
            } catch (ObjectResolutionException e) {
                broken.add(new ParsedFile.Broken(chunk.line(), "bibliography.broken.undefinedString", macro(e)));
                continue;
            } catch (ParseException | RuntimeException e) {
                broken.add(new ParsedFile.Broken(chunk.line(), "bibliography.broken.syntax", "@" + chunk.type()));
                continue;
            }
            strings.addAll(database.getStrings().values());
            for (BibTeXEntry entry : database.getEntries().values()) {
                read(entry, chunk.line(), references, broken);
            }
        }
        return new ParsedFile(ParsedFile.Format.BIBTEX, references, broken, null);
    }

    private static void read(
            BibTeXEntry entry, int line, List<ParsedFile.Parsed> references, List<ParsedFile.Broken> broken) {
        String type = entry.getType().getValue().toLowerCase(Locale.ROOT);
        ReferenceKind kind = KINDS.get(type);
        Map<String, String> fields = new HashMap<>();
        entry.getFields().forEach((key, value) -> fields.put(key.getValue().toLowerCase(Locale.ROOT), text(value)));
        if (kind == ReferenceKind.REPORT && type.equals("misc") && fields.containsKey("url")) {
            kind = ReferenceKind.WEB_PAGE;
        }
        if (kind == null) {
            broken.add(new ParsedFile.Broken(line, "bibliography.broken.unknownType", "@" + type));
            return;
        }
        String names = first(fields, "author", "editor");
        ReferenceData data = ReferenceRules.normalise(new ReferenceData(
                kind,
                names == null ? List.of() : BibtexNames.parse(names),
                latex(fields.get("title")),
                latex(first(fields, "journaltitle", "journal", "booktitle")),
                latex(first(fields, "publisher", "institution", "school", "organization")),
                latex(first(fields, "address", "location")),
                year(first(fields, "year", "date")),
                latex(fields.get("pages")),
                verbatim(fields.get("url")),
                verbatim(fields.get("doi")),
                verbatim(fields.get("isbn")),
                latex(first(fields, "langid", "language")),
                latex(first(fields, "annote", "annotation"))));
        List<ReferenceProblem> problems = ReferenceRules.check(data);
        if (problems.isEmpty()) {
            references.add(new ParsedFile.Parsed(line, data));
        } else {
            broken.add(new ParsedFile.Broken(
                    line,
                    problems.get(0).messageKey(),
                    String.valueOf(problems.get(0).limit())));
        }
    }

    private static BibTeXParser parser(List<BibTeXString> strings) throws ParseException {
        BibTeXParser parser = new BibTeXParser() {
            @Override
            public void checkCrossReferenceResolution(Key key, @Nullable BibTeXEntry entry) {
                // a crossref to an entry of another file is not an error: the fields present are used
            }
        };
        strings.forEach(parser::addMacro);
        return parser;
    }

    private record Chunk(int line, String type, String text) {}

    /** The records of the file, each from its '@' line to the line before the next one; text before is comment. */
    private static List<Chunk> chunks(String text) {
        List<Chunk> chunks = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int start = -1;
        String type = "";
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = RECORD_TYPE.matcher(lines[i]);
            if (m.find()) {
                if (start >= 0) {
                    chunks.add(new Chunk(start + 1, type, current.toString()));
                }
                start = i;
                type = m.group(1).toLowerCase(Locale.ROOT);
                current.setLength(0);
            }
            if (start >= 0) {
                current.append(lines[i]).append('\n');
            }
        }
        if (start >= 0) {
            chunks.add(new Chunk(start + 1, type, current.toString()));
        }
        return chunks;
    }

    private static String text(Value value) {
        try {
            return value.toUserString();
        } catch (RuntimeException e) {
            return ""; // an unresolved month macro or the like: the field is not one Parcours reads
        }
    }

    private static @Nullable String first(Map<String, String> fields, String... names) {
        for (String name : names) {
            String value = fields.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String latex(@Nullable String value) {
        return value == null ? "" : LatexText.toUnicode(value);
    }

    private static @Nullable String verbatim(@Nullable String value) {
        return value == null
                ? null
                : value.replaceAll("[{}\\s]", "").replace("\\_", "_").replace("\\%", "%");
    }

    private static @Nullable Integer year(@Nullable String value) {
        if (value == null) {
            return null;
        }
        Matcher m = YEAR.matcher(value);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static String macro(ObjectResolutionException e) {
        String message = e.getMessage();
        return message == null ? "" : message.replaceAll("^.*?\"|\".*$", "");
    }
}

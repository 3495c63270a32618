package org.parcours.library.bibliography;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads RIS files: one "TAG  - value" per line (two upper-case characters, two spaces, a dash, a space), a record
 * from {@code TY} to {@code ER}. A line that is not a tag continues the previous value (some exporters wrap long
 * values); blank lines are ignored. A record that is not closed by {@code ER} (another {@code TY}, or the end of
 * the file) is broken, and so is a tag outside any record. Written by hand: no maintained Java library reads RIS
 * with line numbers for its errors (citeproc-java's RIS parser stops at the first problem).
 */
final class RisReader {

    private static final Pattern TAG = Pattern.compile("^([A-Z][A-Z0-9])  -(?: (.*))?$");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Map<String, ReferenceKind> KINDS = new HashMap<>();

    static {
        for (String t : List.of("BOOK", "EBOOK", "EDBOOK", "CTLG", "ENCYC", "DICT", "CONF", "ANCIENT", "CLSWK")) {
            KINDS.put(t, ReferenceKind.BOOK);
        }
        for (String t : List.of("JOUR", "JFULL", "EJOUR", "MGZN", "NEWS", "INPR", "ABST")) {
            KINDS.put(t, ReferenceKind.ARTICLE);
        }
        for (String t : List.of("CHAP", "ECHAP", "CPAPER")) {
            KINDS.put(t, ReferenceKind.CHAPTER);
        }
        for (String t : List.of("VIDEO", "MPCT", "ADVS", "SOUND")) {
            KINDS.put(t, ReferenceKind.VIDEO);
        }
        for (String t : List.of("ELEC", "WEB", "BLOG", "ICOMM", "DBASE")) {
            KINDS.put(t, ReferenceKind.WEB_PAGE);
        }
        for (String t : List.of("RPRT", "THES", "GOVDOC", "STAND", "GEN", "UNPB", "PAMP", "MANSCPT", "GRANT")) {
            KINDS.put(t, ReferenceKind.REPORT);
        }
    }

    private RisReader() {}

    static ParsedFile read(String text) {
        List<ParsedFile.Parsed> references = new ArrayList<>();
        List<ParsedFile.Broken> broken = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        Record record = null;
        String lastTag = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            int number = i + 1;
            if (line.isBlank()) {
                continue;
            }
            Matcher m = TAG.matcher(line);
            if (!m.matches()) {
                if (record != null && lastTag != null) {
                    record.append(lastTag, line.strip());
                } else {
                    broken.add(new ParsedFile.Broken(number, "bibliography.broken.notRis", abbreviate(line)));
                }
                continue;
            }
            String tag = m.group(1);
            String value = m.group(2) == null ? "" : m.group(2).strip();
            lastTag = tag;
            if (tag.equals("TY")) {
                if (record != null) {
                    broken.add(new ParsedFile.Broken(record.line, "bibliography.broken.notClosed", "TY"));
                }
                record = new Record(number, value);
            } else if (record == null) {
                broken.add(new ParsedFile.Broken(number, "bibliography.broken.outside", tag));
            } else if (tag.equals("ER")) {
                record.finish(references, broken);
                record = null;
                lastTag = null;
            } else {
                record.add(tag, value);
            }
        }
        if (record != null) {
            broken.add(new ParsedFile.Broken(record.line, "bibliography.broken.notClosed", "TY"));
        }
        return new ParsedFile(ParsedFile.Format.RIS, references, broken, null);
    }

    private static String abbreviate(String line) {
        String s = line.strip();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static final class Record {
        final int line;
        final String type;
        final Map<String, List<String>> values = new LinkedHashMap<>();

        Record(int line, String type) {
            this.line = line;
            this.type = type;
        }

        void add(String tag, String value) {
            values.computeIfAbsent(tag, t -> new ArrayList<>()).add(value);
        }

        void append(String tag, String more) {
            List<String> list = values.get(tag);
            if (list != null && !list.isEmpty()) {
                list.set(list.size() - 1, list.get(list.size() - 1) + " " + more);
            }
        }

        @Nullable
        String first(String... tags) {
            for (String tag : tags) {
                List<String> list = values.get(tag);
                if (list != null) {
                    for (String v : list) {
                        if (!v.isBlank()) {
                            return v;
                        }
                    }
                }
            }
            return null;
        }

        void finish(List<ParsedFile.Parsed> references, List<ParsedFile.Broken> broken) {
            ReferenceKind kind = KINDS.get(type);
            if (kind == null) {
                broken.add(new ParsedFile.Broken(line, "bibliography.broken.unknownType", "TY  - " + type));
                return;
            }
            List<Author> authors = new ArrayList<>();
            for (String tag : List.of("AU", "A1")) {
                for (String name : values.getOrDefault(tag, List.of())) {
                    Author author = Author.parseLine(name);
                    if (author != null) {
                        authors.add(author);
                    }
                }
            }
            String start = first("SP");
            String end = first("EP");
            String pages = start == null ? end : end == null || end.equals(start) ? start : start + "–" + end;
            String title = first("TI", "T1", "CT");
            ReferenceData data = ReferenceRules.normalise(new ReferenceData(
                    kind,
                    authors,
                    title == null ? "" : title,
                    first(
                            kind == ReferenceKind.ARTICLE
                                    ? new String[] {"JO", "JF", "T2", "JA", "J2"}
                                    : new String[] {"T2", "BT", "JO", "JF", "T3"}),
                    first("PB"),
                    first("CY", "PP"),
                    year(first("PY", "Y1", "DA")),
                    pages,
                    first("UR", "L2"),
                    first("DO"),
                    first("SN"),
                    first("LA"),
                    first("N1")));
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

        private static @Nullable Integer year(@Nullable String value) {
            if (value == null) {
                return null;
            }
            Matcher m = YEAR.matcher(value);
            return m.find() ? Integer.valueOf(m.group(1)) : null;
        }
    }
}

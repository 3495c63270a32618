package org.parcours.registration.web;

import java.util.List;

/**
 * CSV as spreadsheets open it: comma-separated, CRLF line ends, fields quoted when needed (RFC 4180), and cells
 * that a spreadsheet would run as a formula ({@code = + - @}, tab, carriage return at the start) prefixed with an
 * apostrophe, so a registrant named {@code =HYPERLINK(...)} stays text. The response adds the UTF-8 byte order
 * mark that Excel needs to read accents.
 */
final class Csv {

    static final String BOM = "\uFEFF";

    private Csv() {}

    static String line(List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        return out.append("\r\n").toString();
    }

    static String cell(String value) {
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.indexOf(',') >= 0
                || safe.indexOf('"') >= 0
                || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0
                || safe.indexOf(';') >= 0) {
            safe = '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}

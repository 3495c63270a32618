package org.parcours.library.bibliography;

import java.text.Normalizer;
import java.util.Map;

/**
 * Turns the LaTeX of BibTeX field values into plain Unicode text: accents in every usual spelling ({@code {\'e}},
 * {@code \'{e}}, {@code \'e}, {@code \"{o}}, {@code {\c c}}, {@code \c{c}}), special letters ({@code \oe},
 * {@code \ss}, {@code \o}...), escaped characters ({@code \&}, {@code \%}, {@code \_}...), dashes ({@code --},
 * {@code ---}), ties ({@code ~}, a no-break space), TeX quotes; braces and formatting commands ({@code \emph{}},
 * {@code \textit{}}...) are dropped, their text kept; runs of white space become one space.
 *
 * <p>Why not jbibtex's own {@code LaTeXParser}/{@code LaTeXPrinter}: in version 1.0.20 they reject {@code {\c c}},
 * {@code ~} and {@code _}, drop the cedilla of {@code \c{c}} and the {@code \oe} ligature, and turn every
 * apostrophe into a typographic one (checked in {@code LatexTextTest}). Accents are applied as Unicode combining
 * marks and composed with NFC, so any letter takes any accent.
 */
final class LatexText {

    private static final Map<Character, Character> SYMBOL_ACCENTS = Map.of(
            '\'', '\u0301', '`', '\u0300', '^', '\u0302', '"', '\u0308', '~', '\u0303', '=', '\u0304', '.', '\u0307');

    private static final Map<String, Character> LETTER_ACCENTS = Map.of(
            "c", '\u0327', "u", '\u0306', "v", '\u030C', "H", '\u030B', "k", '\u0328', "r", '\u030A', "d", '\u0323',
            "b", '\u0331', "t", '\u0361');

    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("ae", "æ"),
            Map.entry("AE", "Æ"),
            Map.entry("oe", "œ"),
            Map.entry("OE", "Œ"),
            Map.entry("aa", "å"),
            Map.entry("AA", "Å"),
            Map.entry("o", "ø"),
            Map.entry("O", "Ø"),
            Map.entry("l", "ł"),
            Map.entry("L", "Ł"),
            Map.entry("ss", "ß"),
            Map.entry("i", "ı"),
            Map.entry("j", "ȷ"),
            Map.entry("dh", "ð"),
            Map.entry("DH", "Ð"),
            Map.entry("th", "þ"),
            Map.entry("TH", "Þ"),
            Map.entry("ldots", "…"),
            Map.entry("dots", "…"),
            Map.entry("textendash", "–"),
            Map.entry("textemdash", "—"),
            Map.entry("textquoteright", "’"),
            Map.entry("textquoteleft", "‘"),
            Map.entry("guillemotleft", "«"),
            Map.entry("guillemotright", "»"),
            Map.entry("S", "§"),
            Map.entry("P", "¶"),
            Map.entry("euro", "€"),
            Map.entry("pounds", "£"),
            Map.entry("copyright", "©"),
            Map.entry("textdegree", "°"),
            Map.entry("textbackslash", "\\"),
            Map.entry("textasciitilde", "~"),
            Map.entry("textasciicircum", "^"),
            Map.entry("textasciigrave", "`"),
            Map.entry("LaTeX", "LaTeX"),
            Map.entry("TeX", "TeX"),
            Map.entry("space", " "),
            Map.entry("quad", " "),
            Map.entry("par", " "),
            Map.entry("newline", " "));

    private final String in;
    private int at;

    private LatexText(String in) {
        this.in = in;
    }

    static String toUnicode(String latex) {
        String text = new LatexText(latex).group(false);
        text = text.replaceAll("[\\s&&[^\u00A0]]+", " ").strip();
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Reads up to the end, or up to the closing brace of the group when {@code inGroup}. */
    private String group(boolean inGroup) {
        StringBuilder out = new StringBuilder();
        while (at < in.length()) {
            char c = in.charAt(at);
            if (c == '}') {
                at++;
                if (inGroup) {
                    return out.toString();
                }
                continue; // an unbalanced brace is dropped
            }
            at++;
            switch (c) {
                case '{' -> out.append(group(true));
                case '\\' -> out.append(command());
                case '~' -> out.append('\u00A0');
                case '$' -> {} // math shifts: keep what is inside
                case '-' -> out.append(dash());
                case '`' -> out.append(in.startsWith("`", at) ? skip(1, "“") : "‘");
                case '\'' -> out.append(in.startsWith("'", at) ? skip(1, "”") : "'");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private String dash() {
        if (in.startsWith("--", at)) {
            return skip(2, "—");
        }
        return in.startsWith("-", at) ? skip(1, "–") : "-";
    }

    private String skip(int count, String result) {
        at += count;
        return result;
    }

    private String command() {
        if (at >= in.length()) {
            return "";
        }
        char c = in.charAt(at);
        Character symbolAccent = SYMBOL_ACCENTS.get(c);
        if (symbolAccent != null) {
            at++;
            return accent(symbolAccent, String.valueOf(c));
        }
        if (!Character.isLetter(c)) {
            at++;
            return switch (c) {
                case '\\', ' ' -> " ";
                case '-', '/', ',' -> c == ',' ? "\u2009" : "";
                default -> String.valueOf(c); // \& \% \$ \# \_ \{ \}
            };
        }
        int start = at;
        while (at < in.length() && Character.isLetter(in.charAt(at)) && in.charAt(at) < 128) {
            at++;
        }
        String name = in.substring(start, at);
        Character letterAccent = LETTER_ACCENTS.get(name);
        if (letterAccent != null) {
            skipSpaces();
            return accent(letterAccent, "");
        }
        String symbol = SYMBOLS.get(name);
        if (symbol != null) {
            // "\oe uvre" and "\oe{}uvre" both mean "œuvre": the space or empty group only ends the command name
            if (in.startsWith("{}", at)) {
                at += 2;
            } else if (at < in.length() && in.charAt(at) == ' ') {
                at++;
            }
            return symbol;
        }
        // formatting and unknown commands (emph, textit, url, mkbibquote...): their argument is read as text
        skipSpaces();
        return "";
    }

    /** The accent's argument ({@code {e}}, {@code e}, {@code \i}) with the combining mark after its first letter. */
    private String accent(char mark, String alone) {
        String argument;
        if (at >= in.length() || in.charAt(at) == '}') {
            return alone;
        }
        char c = in.charAt(at++);
        if (c == '{') {
            argument = group(true);
        } else if (c == '\\') {
            argument = command();
        } else {
            argument = String.valueOf(c);
        }
        if (argument.isEmpty()) {
            return alone;
        }
        char base = switch (argument.charAt(0)) {
            case 'ı' -> 'i';
            case 'ȷ' -> 'j';
            default -> argument.charAt(0);
        };
        return base + String.valueOf(mark) + argument.substring(1);
    }

    private void skipSpaces() {
        while (at < in.length() && in.charAt(at) == ' ') {
            at++;
        }
    }
}

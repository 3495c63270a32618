package org.parcours.live;

import java.util.regex.Pattern;

/**
 * Checks and cleans text people post: trimmed, control characters removed (line breaks kept where allowed),
 * length-limited. The text is stored as typed and escaped when shown, never interpreted as HTML.
 */
final class LiveTexts {

    static final int QUESTION_MAX = 300;
    static final int CHAT_MAX = 500;
    static final int TAKEAWAY_MAX = 1000;
    static final int NICKNAME_MIN = 2;
    static final int NICKNAME_MAX = 40;
    static final int POLL_QUESTION_MAX = 300;
    static final int POLL_OPTION_MAX = 200;

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n]]|[\\p{Cf}&&[^\\u200d]]");
    private static final Pattern MANY_BREAKS = Pattern.compile("\\n{3,}");

    private LiveTexts() {}

    /** A multi-line text of at most {@code max} characters (after cleaning); refuses empty and over-long ones. */
    static String text(String raw, int max) {
        String cleaned = MANY_BREAKS
                .matcher(CONTROL.matcher(raw.replace("\r\n", "\n").replace('\r', '\n'))
                        .replaceAll(""))
                .replaceAll("\n\n")
                .strip();
        if (cleaned.isEmpty()) {
            throw new LiveRefusedException(Refusal.EMPTY);
        }
        if (cleaned.codePointCount(0, cleaned.length()) > max) {
            throw new LiveRefusedException(Refusal.TOO_LONG, max);
        }
        return cleaned;
    }

    /** One line: line breaks become spaces. */
    static String line(String raw, int max) {
        return text(raw.replaceAll("[\\r\\n]+", " "), max);
    }

    static String nickname(String raw) {
        String cleaned =
                CONTROL.matcher(raw.replaceAll("\\s+", " ")).replaceAll("").strip();
        int length = cleaned.codePointCount(0, cleaned.length());
        if (length < NICKNAME_MIN || length > NICKNAME_MAX) {
            throw new LiveRefusedException(Refusal.BAD_NICKNAME, NICKNAME_MIN, NICKNAME_MAX);
        }
        return cleaned;
    }
}

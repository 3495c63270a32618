package org.parcours.media;

import java.util.List;

/**
 * A subtitles or chapters file that cannot be used: {@code line} (1-based, 0 for the whole file) and a message key
 * in {@code media_*.properties} whose first argument is the line.
 */
public final class TrackProblem extends Exception {

    private final int line;
    private final String messageKey;
    private final List<Object> args;

    TrackProblem(int line, String messageKey, Object... args) {
        super(messageKey + " at line " + line, null, false, false);
        this.line = line;
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public int line() {
        return line;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The message arguments: the line first, then the key's own. */
    public Object[] messageArgs() {
        Object[] all = new Object[args.size() + 1];
        all[0] = line;
        for (int i = 0; i < args.size(); i++) {
            all[i + 1] = args.get(i);
        }
        return all;
    }
}

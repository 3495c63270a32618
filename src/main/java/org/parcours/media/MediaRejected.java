package org.parcours.media;

import java.util.List;

/** An upload or change that is refused, with the reason as a message key and its arguments. */
public final class MediaRejected extends Exception {

    private final String messageKey;
    private final List<Object> args;

    MediaRejected(String messageKey, Object... args) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] messageArgs() {
        return args.toArray();
    }
}

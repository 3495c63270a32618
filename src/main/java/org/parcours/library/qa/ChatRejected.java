package org.parcours.library.qa;

/**
 * A chat log or a review step refused as a whole, with the reason as a message key ({@code qa.*}) and its arguments;
 * nothing was written.
 */
public class ChatRejected extends RuntimeException {

    private final String messageKey;
    private final transient Object[] messageArgs;

    public ChatRejected(String messageKey, Object... messageArgs) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
        this.messageArgs = messageArgs.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] messageArgs() {
        return messageArgs.clone();
    }
}

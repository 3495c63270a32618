package org.parcours.live;

/** Why the room refused an action: the message key shown to the person and the HTTP status it answers with. */
public enum Refusal {
    EMPTY("live.error.empty", 422),
    TOO_LONG("live.error.tooLong", 422),
    BAD_NICKNAME("live.error.nickname", 422),
    BAD_CHOICE("live.error.choice", 422),
    ROOM_CLOSED("live.error.closed", 409),
    NOT_SHOWN("live.error.notShown", 409),
    POLL_CLOSED("live.error.pollClosed", 409),
    TAKEAWAY_NOT_NOW("live.error.takeawayNotNow", 409),
    SIGN_IN("live.error.signIn", 403),
    BANNED("live.error.banned", 403),
    RATE_LIMITED("live.error.rateLimited", 429),
    SLOW_MODE("live.error.slowMode", 429),
    NOT_FOUND("live.error.notFound", 404);

    private final String messageKey;
    private final int status;

    Refusal(String messageKey, int status) {
        this.messageKey = messageKey;
        this.status = status;
    }

    public String messageKey() {
        return messageKey;
    }

    public int status() {
        return status;
    }
}

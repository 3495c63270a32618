package org.parcours.live;

/**
 * One numbered change of a room, as written to the event log and carried by the bus: {@code kind} says what
 * changed and {@code payload} is the JSON of the matching view ({@link QuestionView}, {@link VoteCount}, …).
 * Transient messages (presence counts) have {@code seq == 0}: they are neither logged nor replayed.
 */
public record LiveEvent(long sessionId, long seq, String kind, String payload) {

    public static final String QUESTION = "question";
    public static final String VOTES = "votes";
    public static final String CHAT = "chat";
    public static final String AGENDA = "agenda";
    public static final String POLL = "poll";
    public static final String POLL_RESULTS = "pollResults";
    public static final String TAKEAWAY = "takeaway";
    public static final String ROOM = "room";
    public static final String PRESENCE = "presence";

    public boolean transientMessage() {
        return seq == 0;
    }
}

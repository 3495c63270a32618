package org.parcours.live;

/**
 * The people in one room, each counted once whatever their tabs and nodes: conference-seated participants, everyone
 * else (stream, visitors included), and the total; the organisers' team is not counted. {@code node} names who
 * counted ("all" for the sum over nodes), {@code at} when (epoch milliseconds).
 */
public record PresenceCounts(String node, long sessionId, int conference, int stream, long at) {

    public int total() {
        return conference + stream;
    }
}

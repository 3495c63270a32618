package org.parcours.live;

/**
 * Live connections of one room on one node (or summed over nodes): conference-seated participants, everyone else
 * (stream), and the total. {@code node} names the node that counted, {@code at} when (epoch milliseconds).
 */
public record PresenceCounts(String node, long sessionId, int conference, int stream, long at) {

    public int total() {
        return conference + stream;
    }
}

package org.parcours.live.web;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.parcours.live.PresenceCounts;

/**
 * Who one node has in a room, as it tells every node over the bus: the participants in the conference and before
 * the stream (by participant id, so a person with tabs on two nodes is counted once) and the visitors it can only
 * count (by HTTP session on this node, or by stream when they have none). The team is not counted.
 */
record PresenceReport(String node, long sessionId, List<Long> conference, List<Long> stream, int visitors, long at) {

    static PresenceReport of(String node, long sessionId, Collection<StreamClient> clients, long now) {
        Set<Long> conference = new HashSet<>();
        Set<Long> stream = new HashSet<>();
        Set<String> sessions = new HashSet<>();
        int anonymous = 0;
        for (StreamClient client : clients) {
            StreamClient.Presence who = client.presence;
            if (who.kind() == StreamClient.Presence.Kind.TEAM) {
                continue;
            }
            if (who.participantId() != null) {
                (who.kind() == StreamClient.Presence.Kind.CONFERENCE ? conference : stream).add(who.participantId());
            } else if (who.visitor() != null) {
                sessions.add(who.visitor());
            } else {
                anonymous++;
            }
        }
        stream.removeAll(conference);
        return new PresenceReport(
                node, sessionId, List.copyOf(conference), List.copyOf(stream), sessions.size() + anonymous, now);
    }

    /** The people in a room over every node that reported: each participant once, conference first. */
    static PresenceCounts total(long sessionId, Collection<PresenceReport> reports, long now) {
        Set<Long> conference = new HashSet<>();
        Set<Long> stream = new HashSet<>();
        int visitors = 0;
        for (PresenceReport report : reports) {
            conference.addAll(report.conference());
            stream.addAll(report.stream());
            visitors += report.visitors();
        }
        stream.removeAll(conference);
        return new PresenceCounts("all", sessionId, conference.size(), stream.size() + visitors, now);
    }
}

package org.parcours.live;

import org.jspecify.annotations.Nullable;

/** Someone taking part in one room: a signed-in person (shown by their name) or a guest with a nickname. */
public record Participant(long id, long sessionId, @Nullable Long personId, String nickname, boolean banned) {

    public boolean guest() {
        return personId == null;
    }
}

package org.parcours.live;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a session's live room leaves on its public page once the session is over: the results of the polls the
 * organisers closed, and the takeaways participants chose to share (anonymous, without those the organisers hid).
 * Questions go to the Q&A archive instead (library.qa imports them for the organisers to curate and answer).
 */
@Service
public class LiveArchive {

    private final PollService polls;
    private final TakeawayService takeaways;

    LiveArchive(PollService polls, TakeawayService takeaways) {
        this.polls = polls;
        this.takeaways = takeaways;
    }

    /** The closed polls with their results and the shared takeaways of one session. */
    public record SessionRoom(List<PollView> polls, List<TakeawayView> takeaways) {

        public static final SessionRoom NONE = new SessionRoom(List.of(), List.of());

        public boolean isEmpty() {
            return polls.isEmpty() && takeaways.isEmpty();
        }
    }

    @Transactional(readOnly = true)
    public SessionRoom of(long sessionId) {
        List<PollView> closed = polls.list(sessionId, false).stream()
                .filter(p -> p.status() == PollView.PollStatus.CLOSED)
                .toList();
        return new SessionRoom(closed, takeaways.wall(sessionId, false));
    }
}

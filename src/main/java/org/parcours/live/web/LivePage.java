package org.parcours.live.web;

import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.SegmentKind;
import org.parcours.cycle.Session;
import org.parcours.live.AgendaState;
import org.parcours.live.ChatView;
import org.parcours.live.LiveRoom;
import org.parcours.live.Participant;
import org.parcours.live.PollView;
import org.parcours.live.PresenceCounts;
import org.parcours.live.QuestionStatus;
import org.parcours.live.QuestionView;
import org.parcours.live.TakeawayView;

/**
 * What the live page shows one viewer. {@code lastSeq} is read before anything else, so the stream, starting
 * after it, can only repeat changes the page already shows, never miss one. {@code conferenceUrl} is set only for
 * a conference-seated participant; {@code stream} says how the livestream is shown, if the session has one.
 */
public record LivePage(
        Cycle cycle,
        Session session,
        LiveRoom room,
        boolean open,
        ZonedDateTime opensAt,
        long lastSeq,
        @Nullable Participant participant,
        boolean signedIn,
        boolean moderator,
        @Nullable String conferenceUrl,
        @Nullable LiveStream stream,
        List<QuestionView> questions,
        List<ChatView> chat,
        AgendaState agenda,
        List<CycleService.Recap> recap,
        @Nullable PresenceCounts presence,
        List<PollView> polls,
        Map<Long, Set<Long>> myChoices,
        List<TakeawayView> wall,
        List<TakeawayView> myTakeaways,
        Set<Long> myVotes,
        String sort,
        @Nullable String error,
        LiveText text) {

    /** The fragments' messages, in the page's language. */
    public LiveText text(java.util.Locale locale) {
        return text;
    }

    public String path() {
        return url(cycle, session);
    }

    static String url(Cycle cycle, Session session) {
        return "/cycles/" + cycle.slug() + "/sessions/" + session.slug() + "/live";
    }

    public String actions() {
        return "/live/" + session.id();
    }

    public String moderation() {
        return "/admin/live/" + session.id();
    }

    /** Whether this viewer may post: a participant who is not banned, in an open room. */
    public boolean canPost() {
        return open && participant != null && !participant.banned();
    }

    /** Whether this viewer should be offered to join with a nickname. */
    public boolean mayJoinAsGuest() {
        return open && participant == null && !signedIn && room.guestsAllowed();
    }

    /** Whether the current agenda segment is the closing one (when takeaways are written). */
    public boolean closing() {
        Integer current = agenda.segment();
        return current != null
                && current < session.agenda().size()
                && session.agenda().get(current).kind() == SegmentKind.CLOSING;
    }

    public Set<Long> chosen(long pollId) {
        return myChoices.getOrDefault(pollId, Set.of());
    }

    public boolean byVotes() {
        return !"time".equals(sort);
    }

    /** Pinned first, answered last; within each, most votes (then oldest) or newest first. */
    static List<QuestionView> sorted(List<QuestionView> questions, boolean byVotes) {
        Comparator<QuestionView> order = Comparator.comparing((QuestionView q) -> !q.pinned())
                .thenComparing(q -> q.status() == QuestionStatus.ANSWERED);
        order = byVotes
                ? order.thenComparing(QuestionView::votes, Comparator.reverseOrder())
                        .thenComparing(QuestionView::createdAt)
                : order.thenComparing(QuestionView::createdAt, Comparator.reverseOrder());
        return questions.stream().sorted(order.thenComparing(QuestionView::id)).toList();
    }
}

package org.parcours.live;

/** Where a question stands; participants see VISIBLE and ANSWERED ones, organisers also PENDING and HIDDEN. */
public enum QuestionStatus {
    PENDING,
    VISIBLE,
    ANSWERED,
    HIDDEN,
    MERGED;

    public boolean shownToParticipants() {
        return this == VISIBLE || this == ANSWERED;
    }
}

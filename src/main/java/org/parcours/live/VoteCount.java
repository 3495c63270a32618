package org.parcours.live;

/** The new vote count of a question, and whether the voter's vote is now on. */
public record VoteCount(long questionId, int votes) {}

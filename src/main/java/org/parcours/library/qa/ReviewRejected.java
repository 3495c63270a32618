package org.parcours.library.qa;

import java.util.List;

/** A review submission refused as a whole: nothing of it was saved. */
public class ReviewRejected extends RuntimeException {

    private final transient List<ReviewProblem> problems;

    public ReviewRejected(List<ReviewProblem> problems) {
        super("review refused: " + problems.size() + " problem(s)", null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<ReviewProblem> problems() {
        return problems;
    }
}

package org.parcours.cycle;

import java.util.List;

/** What importing a cycle file gave: the new cycle, or every problem found (and nothing stored). */
public sealed interface ImportResult {

    record Imported(Cycle cycle) implements ImportResult {}

    record Rejected(List<CycleFileProblem> problems) implements ImportResult {

        public Rejected {
            problems = List.copyOf(problems);
        }
    }
}

package org.parcours.cycle;

import java.util.Arrays;
import java.util.List;

/**
 * One thing wrong with a cycle file: where ({@code line}, 1-based, or 0 when it concerns the whole file; {@code
 * path} such as {@code sessions[2].agenda[0].kind}, empty for the whole file) and what, as a message key of the
 * {@code cycle} bundle with its arguments, so it is shown in the reader's language.
 */
public record CycleFileProblem(int line, String path, String messageKey, List<String> args) {

    public CycleFileProblem {
        args = List.copyOf(args);
    }

    static CycleFileProblem of(int line, String path, String key, Object... args) {
        return new CycleFileProblem(
                line,
                path,
                "cyclefile.problem." + key,
                Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The arguments as an array, for {@code MessageSource} and {@code Ui.text}. */
    public Object[] argsArray() {
        return args.toArray();
    }
}

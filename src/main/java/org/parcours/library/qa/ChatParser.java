package org.parcours.library.qa;

import java.util.List;

/** One chat-log format: how much a file looks like it, and how to read it. */
interface ChatParser {

    ChatFormat format();

    /** How many of these lines (the first non-blank lines of the file) look like lines of this format. */
    int score(List<String> sample);

    /** Reads every line into {@code log}; {@code text} is the whole decoded file, {@code lines} its lines. */
    void parse(String text, List<String> lines, Timeline timeline, ChatLog log);
}

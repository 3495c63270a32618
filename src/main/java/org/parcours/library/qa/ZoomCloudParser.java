package org.parcours.library.qa;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chat file of a Zoom cloud recording: {@code 00:04:05\tSophie Bernard:\ttext}, times elapsed since the recording
 * started (used as they are). Lines without a time continue the message above.
 */
final class ZoomCloudParser implements ChatParser {

    static final Pattern LINE = Pattern.compile("(\\d{1,2}:\\d{2}:\\d{2})\\t([^\\t]*?)\\s*:\\s*\\t(.*)");

    /** A line that starts like a message (a time and a tab) but is not one is a broken line. */
    static final Pattern BROKEN = Pattern.compile("\\d{1,2}:\\d{2}:\\d{2}\\t.*");

    @Override
    public ChatFormat format() {
        return ChatFormat.ZOOM_CLOUD;
    }

    @Override
    public int score(List<String> sample) {
        return (int) sample.stream().filter(l -> LINE.matcher(l).matches()).count();
    }

    @Override
    public void parse(String text, List<String> lines, Timeline timeline, ChatLog log) {
        boolean skipping = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            Matcher m = LINE.matcher(line.stripLeading());
            if (m.matches()) {
                Optional<Long> elapsed = ClockTimes.elapsed(m.group(1));
                if (elapsed.isEmpty()) {
                    log.problem(number, "qa.problem.time", line);
                    skipping = true;
                    continue;
                }
                ZoomRecipients.Sender sender = ZoomRecipients.sender(m.group(2));
                skipping = !sender.isPublic();
                if (skipping) {
                    log.directMessage();
                } else {
                    log.add(number, m.group(1), Timeline.elapsed(elapsed.get()), sender.name(), m.group(3), null);
                }
            } else if (BROKEN.matcher(line.stripLeading()).matches()) {
                log.problem(number, "qa.problem.line", line);
                skipping = true;
            } else if (!skipping && !log.append(stripped)) {
                log.problem(number, "qa.problem.line", line);
            }
        }
    }
}

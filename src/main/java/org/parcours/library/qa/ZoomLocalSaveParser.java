package org.parcours.library.qa;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Zoom desktop "save chat" ({@code meeting_saved_chat.txt}): {@code 10:01:12\t From  Claire Martin : text}, or with
 * a recipient ({@code From Claire Martin to Everyone : text}; French: {@code De … à Tout le monde}). Lines without a
 * time continue the message above. Times are the computer's clock: they are read on the session's day, in its zone.
 */
final class ZoomLocalSaveParser implements ChatParser {

    static final Pattern LINE =
            Pattern.compile("(" + ClockTimes.CLOCK + ")\\s+(?:From|De|Von)\\s+(.+?)\\s*:\\s+(\\S.*)");

    /** A line that starts like a message (a time, then "From") but is not one is a broken line. */
    static final Pattern BROKEN = Pattern.compile("\\d{1,2}:\\d{2}\\S*\\s+(?:From|De|Von)\\b.*");

    @Override
    public ChatFormat format() {
        return ChatFormat.ZOOM_LOCAL;
    }

    @Override
    public int score(List<String> sample) {
        return (int)
                sample.stream().filter(l -> LINE.matcher(l.strip()).matches()).count();
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
            Matcher m = LINE.matcher(stripped);
            if (m.matches()) {
                Optional<LocalTime> time = ClockTimes.clock(m.group(1));
                if (time.isEmpty()) {
                    log.problem(number, "qa.problem.time", line);
                    skipping = true;
                    continue;
                }
                ZoomRecipients.Sender sender = ZoomRecipients.sender(m.group(2));
                skipping = !sender.isPublic();
                if (skipping) {
                    log.directMessage();
                } else {
                    log.add(number, m.group(1), timeline.ofClock(time.get()), sender.name(), m.group(3), null);
                }
            } else if (BROKEN.matcher(stripped).matches()) {
                log.problem(number, "qa.problem.line", line);
                skipping = true;
            } else if (!skipping && !log.append(stripped)) {
                log.problem(number, "qa.problem.line", line);
            }
        }
    }
}

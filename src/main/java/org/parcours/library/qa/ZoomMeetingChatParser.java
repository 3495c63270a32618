package org.parcours.library.qa;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Zoom's newer meeting chat: a header line {@code 10:09:51 From Karim Haddad To Everyone:} then the text on indented
 * lines. A text starting {@code Replying to "excerpt..."} is a reply in a thread; {@code Reacted to "excerpt..."
 * with 👍} is a reaction, counted as a vote on the message it names (and {@code Removed a 👍 reaction from "..."}
 * takes it back); messages to anyone but everyone (direct messages) are counted and dropped with their text. Times
 * are wall-clock times, read on the session's day in its zone.
 */
final class ZoomMeetingChatParser implements ChatParser {

    static final Pattern HEADER = Pattern.compile(
            "(" + ClockTimes.CLOCK + ")\\s+(?:From|De|Von)\\s+(.+?)\\s+(?:To|to|À|à|An)\\s+(.+?)\\s*:\\s*");

    private static final String QUOTED = "[\"“«]\\s*(.*?)\\s*[\"”»]";
    private static final Pattern REPLY = Pattern.compile("Replying to " + QUOTED + "\\s*:?");
    private static final Pattern REACTION = Pattern.compile("Reacted to " + QUOTED + " with .+");
    private static final Pattern REMOVED = Pattern.compile("Removed a .+ reaction from " + QUOTED);
    private static final Pattern BROKEN = Pattern.compile("\\d{1,2}:\\d{2}\\S*\\s+(?:From|De|Von)\\b.*");

    @Override
    public ChatFormat format() {
        return ChatFormat.ZOOM_MEETING;
    }

    @Override
    public int score(List<String> sample) {
        return (int)
                sample.stream().filter(l -> HEADER.matcher(l.strip()).matches()).count();
    }

    @Override
    public void parse(String text, List<String> lines, Timeline timeline, ChatLog log) {
        @Nullable Header header = null;
        List<String> body = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.strip();
            Matcher m = HEADER.matcher(stripped);
            if (m.matches()) {
                finish(header, body, timeline, log);
                body.clear();
                header = header(m, i + 1, line, log);
            } else if (BROKEN.matcher(stripped).matches()) {
                finish(header, body, timeline, log);
                body.clear();
                header = null;
                log.problem(i + 1, "qa.problem.line", line);
            } else if (header != null) {
                body.add(stripped);
            } else if (!stripped.isEmpty()) {
                log.problem(i + 1, "qa.problem.line", line);
            }
        }
        finish(header, body, timeline, log);
    }

    private record Header(int line, String clock, LocalTime time, ZoomRecipients.Sender sender) {}

    private static @Nullable Header header(Matcher m, int number, String line, ChatLog log) {
        Optional<LocalTime> time = ClockTimes.clock(m.group(1));
        if (time.isEmpty()) {
            log.problem(number, "qa.problem.time", line);
            return null;
        }
        return new Header(
                number,
                m.group(1),
                time.get(),
                new ZoomRecipients.Sender(m.group(2).strip(), m.group(3)));
    }

    private static void finish(@Nullable Header header, List<String> body, Timeline timeline, ChatLog log) {
        if (header == null) {
            return;
        }
        if (!header.sender().isPublic()) {
            log.directMessage();
            return;
        }
        List<String> text = new ArrayList<>(body);
        while (!text.isEmpty() && text.getFirst().isEmpty()) {
            text.removeFirst();
        }
        String first = text.isEmpty() ? "" : text.getFirst();
        Matcher reaction = REACTION.matcher(first);
        if (reaction.matches()) {
            log.react(header.line(), reaction.group(1), first, 1);
            log.skipped();
            return;
        }
        Matcher removed = REMOVED.matcher(first);
        if (removed.matches()) {
            log.react(header.line(), removed.group(1), first, -1);
            log.skipped();
            return;
        }
        Matcher reply = REPLY.matcher(first);
        if (reply.matches()) {
            text.removeFirst();
        }
        log.add(
                header.line(),
                header.clock(),
                timeline.ofClock(header.time()),
                header.sender().name(),
                String.join("\n", text.stream().filter(l -> !l.isEmpty()).toList()),
                null);
        if (reply.matches()) {
            log.replyTo(reply.group(1));
        }
    }
}

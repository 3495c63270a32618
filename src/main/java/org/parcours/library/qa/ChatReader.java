package org.parcours.library.qa;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads a chat export whatever its format: decodes it ({@link ChatText}), finds the format its first lines look
 * like, and reads every message, mapping times to the session's timeline. A file in no known format, or with no
 * message at all, is refused as a whole ({@link ChatRejected}).
 */
@Component
public class ChatReader {

    /** Largest file read (the other forms' upload limit); a 20,000-message log is about 2 MB. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    /** Most messages one import may hold. */
    static final int MAX_MESSAGES = 50_000;

    private static final int SAMPLE = 40;

    private final List<ChatParser> parsers = List.of(
            new YouTubeChatParser(),
            new ZoomMeetingChatParser(),
            new ZoomLocalSaveParser(),
            new ZoomCloudParser(),
            new CsvChatParser());

    ParsedChat read(byte[] bytes, Timeline timeline) {
        if (bytes.length == 0) {
            throw new ChatRejected("qa.import.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new ChatRejected("qa.import.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        String text = ChatText.decode(bytes);
        List<String> lines = ChatText.lines(text);
        ChatParser parser = detect(lines);
        ChatLog log = new ChatLog();
        parser.parse(text, lines, timeline, log);
        ParsedChat chat = log.build(parser.format());
        if (chat.messages().isEmpty()) {
            throw new ChatRejected("qa.import.noMessages", chat.problemCount());
        }
        if (chat.messages().size() > MAX_MESSAGES) {
            throw new ChatRejected("qa.import.tooMany", chat.messages().size(), MAX_MESSAGES);
        }
        return chat;
    }

    /** The format whose lines the first non-blank lines look like most; ties go to the earlier parser. */
    ChatParser detect(List<String> lines) {
        List<String> sample = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                sample.add(line);
                if (sample.size() == SAMPLE) {
                    break;
                }
            }
        }
        ChatParser best = null;
        int bestScore = 0;
        for (ChatParser parser : parsers) {
            int score = parser.score(sample);
            if (score > bestScore) {
                best = parser;
                bestScore = score;
            }
        }
        if (best == null) {
            throw new ChatRejected("qa.import.unknownFormat");
        }
        return best;
    }
}

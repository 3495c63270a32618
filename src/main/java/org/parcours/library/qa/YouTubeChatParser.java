package org.parcours.library.qa;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A YouTube live chat replay as yt-dlp saves it ({@code --write-subs --sub-langs live_chat}): one JSON object per
 * line, each with chat actions and the video offset in milliseconds ({@code videoOffsetTimeMsec}, used as the time in
 * the session). Text messages and Super Chats are read; their text is made of runs of text and emoji (a custom
 * emoji is written as its shortcut). Other items (membership notices, banners...) are counted and left out.
 *
 * <p>Each line is read by Jackson on its own, so one broken line is reported with its number and the others still
 * count, and only one line's tree is in memory at a time.
 */
final class YouTubeChatParser implements ChatParser {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final List<String> RENDERERS = List.of("liveChatTextMessageRenderer", "liveChatPaidMessageRenderer");

    @Override
    public ChatFormat format() {
        return ChatFormat.YOUTUBE;
    }

    @Override
    public int score(List<String> sample) {
        return (int) sample.stream()
                .filter(l -> l.strip().startsWith("{") && l.contains("ChatItemAction"))
                .count();
    }

    @Override
    public void parse(String text, List<String> lines, Timeline timeline, ChatLog log) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            JsonNode root;
            try {
                root = JSON.readTree(line);
            } catch (JacksonException e) {
                log.problem(i + 1, "qa.problem.json", line);
                continue;
            }
            if (root == null || !root.isObject()) {
                log.problem(i + 1, "qa.problem.json", line);
                continue;
            }
            read(root, i + 1, timeline, log);
        }
    }

    private static void read(JsonNode root, int line, Timeline timeline, ChatLog log) {
        JsonNode replay = root.has("replayChatItemAction") ? root.path("replayChatItemAction") : root;
        long offsetMs = number(replay.path("videoOffsetTimeMsec"), Long.MIN_VALUE);
        JsonNode actions = replay.path("actions");
        if (!actions.isArray()) {
            log.skipped();
            return;
        }
        for (JsonNode action : actions) {
            JsonNode item = action.path("addChatItemAction").path("item");
            JsonNode renderer = renderer(item);
            if (renderer == null) {
                log.skipped();
                continue;
            }
            String author = string(renderer.path("authorName").path("simpleText"));
            String clock = string(renderer.path("timestampText").path("simpleText"));
            Integer offset;
            if (offsetMs != Long.MIN_VALUE) {
                offset = Timeline.elapsed(Math.floorDiv(offsetMs, 1000));
            } else {
                long usec = number(renderer.path("timestampUsec"), Long.MIN_VALUE);
                offset = usec == Long.MIN_VALUE ? null : timeline.ofInstant(Instant.ofEpochMilli(usec / 1000));
            }
            if (clock.isEmpty() && offset != null) {
                clock = Timeline.clock(offset);
            }
            log.add(line, clock, offset, author, text(renderer.path("message").path("runs")), null);
        }
    }

    private static @Nullable JsonNode renderer(JsonNode item) {
        for (String name : RENDERERS) {
            if (item.path(name).isObject()) {
                return item.path(name);
            }
        }
        return null;
    }

    /** Text runs as they are; emoji runs as the emoji, or the shortcut (":wave:") of a channel's custom emoji. */
    static String text(JsonNode runs) {
        StringBuilder text = new StringBuilder();
        for (JsonNode run : runs) {
            if (run.has("text")) {
                text.append(string(run.path("text")));
            } else if (run.has("emoji")) {
                JsonNode emoji = run.path("emoji");
                String id = string(emoji.path("emojiId"));
                boolean custom = emoji.path("isCustomEmoji").asBoolean(false) || id.contains("/") || id.length() > 16;
                JsonNode shortcuts = emoji.path("shortcuts");
                text.append(custom && shortcuts.isArray() && !shortcuts.isEmpty() ? string(shortcuts.get(0)) : id);
            }
        }
        return text.toString();
    }

    private static String string(JsonNode node) {
        return node.isString() ? node.stringValue() : "";
    }

    private static long number(JsonNode node, long otherwise) {
        if (node.isNumber()) {
            return node.asLong();
        }
        if (node.isString()) {
            try {
                return Long.parseLong(node.stringValue().strip());
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }
        return otherwise;
    }
}

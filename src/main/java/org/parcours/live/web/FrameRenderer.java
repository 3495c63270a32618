package org.parcours.live.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.parcours.live.AgendaState;
import org.parcours.live.ChatView;
import org.parcours.live.LiveEvent;
import org.parcours.live.LiveJson;
import org.parcours.live.PollView;
import org.parcours.live.PresenceCounts;
import org.parcours.live.QuestionView;
import org.parcours.live.TakeawayView;
import org.parcours.live.VoteCount;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns one room event into the SSE frame one {@link Variant} receives, with the same fragment templates the page
 * uses. The browser script knows a few generic event names: {@code upsert} (an element to insert or replace by
 * id), {@code remove} (an element id), {@code votes} ("q-ID COUNT"), {@code reload} and {@code reset}.
 * An empty result means "nothing for this variant".
 */
@Component
class FrameRenderer {

    static final String UPSERT = "upsert";
    static final String REMOVE = "remove";
    static final String VOTES = "votes";
    static final String RELOAD = "reload";
    static final String RESET = "reset";

    private static final byte[] NOTHING = new byte[0];
    private static final Pattern INDENTATION = Pattern.compile("\\n[ \\t]+");

    private final TemplateEngine templates;
    private final MessageSource messages;
    private final CycleService cycles;

    FrameRenderer(TemplateEngine templates, MessageSource messages, CycleService cycles) {
        this.templates = templates;
        this.messages = messages;
        this.cycles = cycles;
    }

    byte[] render(LiveEvent event, Variant variant) {
        Long id = event.transientMessage() ? null : event.seq();
        return switch (event.kind()) {
            case LiveEvent.QUESTION -> question(id, LiveJson.read(event.payload(), QuestionView.class), variant);
            case LiveEvent.VOTES -> {
                VoteCount count = LiveJson.read(event.payload(), VoteCount.class);
                yield SseFrames.event(id, VOTES, "q-" + count.questionId() + " " + count.votes());
            }
            case LiveEvent.ROOM -> SseFrames.event(id, RELOAD, "room");
            case LiveEvent.POLL -> poll(id, LiveJson.read(event.payload(), PollView.class), variant);
            case LiveEvent.POLL_RESULTS -> {
                PollView poll = LiveJson.read(event.payload(), PollView.class);
                yield SseFrames.event(id, UPSERT, fragment("live/pollResults.jte", variant, Map.of("poll", poll)));
            }
            case LiveEvent.TAKEAWAY -> takeaway(id, LiveJson.read(event.payload(), TakeawayView.class), variant);
            case LiveEvent.CHAT -> chat(id, LiveJson.read(event.payload(), ChatView.class), variant);
            case LiveEvent.AGENDA ->
                agenda(id, event.sessionId(), LiveJson.read(event.payload(), AgendaState.class), variant);
            case LiveEvent.PRESENCE ->
                variant.moderator()
                        ? SseFrames.event(
                                id,
                                UPSERT,
                                fragment(
                                        "live/presence.jte",
                                        variant,
                                        Map.of("counts", LiveJson.read(event.payload(), PresenceCounts.class))))
                        : NOTHING;
            default -> id == null ? NOTHING : SseFrames.event(id, "noop", "");
        };
    }

    private byte[] question(Long id, QuestionView question, Variant variant) {
        boolean shown = variant.moderator()
                ? question.status() != org.parcours.live.QuestionStatus.MERGED
                : question.status().shownToParticipants();
        if (!shown) {
            return SseFrames.event(id, REMOVE, "q-" + question.id());
        }
        return SseFrames.event(
                id,
                UPSERT,
                fragment(
                        "live/question.jte",
                        variant,
                        Map.of("q", question, "moderator", variant.moderator(), "voted", false)));
    }

    private byte[] poll(Long id, PollView poll, Variant variant) {
        if (poll.status() == PollView.PollStatus.DRAFT && !variant.moderator()) {
            return SseFrames.event(id, REMOVE, "poll-" + poll.id());
        }
        return SseFrames.event(
                id,
                UPSERT,
                fragment(
                        "live/poll.jte",
                        variant,
                        Map.of(
                                "poll",
                                poll,
                                "moderator",
                                variant.moderator(),
                                "canAnswer",
                                !variant.moderator(),
                                "chosen",
                                Set.of())));
    }

    private byte[] takeaway(Long id, TakeawayView takeaway, Variant variant) {
        if (takeaway.hidden() && !variant.moderator()) {
            return SseFrames.event(id, REMOVE, "t-" + takeaway.id());
        }
        return SseFrames.event(
                id,
                UPSERT,
                fragment("live/takeaway.jte", variant, Map.of("item", takeaway, "moderator", variant.moderator())));
    }

    private byte[] chat(Long id, ChatView message, Variant variant) {
        if (message.hidden() && !variant.moderator()) {
            return SseFrames.event(id, REMOVE, "c-" + message.id());
        }
        ZoneId zone = cycles.session(message.sessionId()).map(Session::zone).orElse(ZoneId.of("UTC"));
        return SseFrames.event(
                id,
                UPSERT,
                fragment(
                        "live/chatMessage.jte",
                        variant,
                        Map.of("m", message, "zone", zone, "moderator", variant.moderator())));
    }

    private byte[] agenda(Long id, long sessionId, AgendaState state, Variant variant) {
        Session session = cycles.session(sessionId).orElse(null);
        if (session == null) {
            return id == null ? NOTHING : SseFrames.event(id, "noop", "");
        }
        return SseFrames.event(
                id, UPSERT, fragment("live/agenda.jte", variant, agendaParams(session, state, variant.moderator())));
    }

    Map<String, Object> agendaParams(Session session, AgendaState state, boolean moderator) {
        return Map.of("session", session, "state", state, "recap", cycles.recapBefore(session), "moderator", moderator);
    }

    String fragment(String template, Variant variant, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("t", text(variant.lang()));
        StringOutput output = new StringOutput();
        templates.render(template, all, output);
        // indentation is a third of a fragment's bytes, sent to every stream: drop it (whitespace at the start of a
        // line never matters in these fragments)
        return INDENTATION.matcher(output.toString().strip()).replaceAll("\n");
    }

    LiveText text(String lang) {
        return new LiveText(messages, Locale.forLanguageTag(lang));
    }
}

package org.parcours.live.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parcours.live.LiveRoom;
import org.parcours.live.RoomService;

/** The room settings form, as typed; {@link #check} names the fields that are wrong (message keys). */
public record RoomSettingsForm(
        @Nullable String opening,
        @Nullable Integer opensMinutesBefore,
        @Nullable Integer closesMinutesAfter,
        @Nullable Boolean guestsAllowed,
        @Nullable Boolean premoderation,
        @Nullable Integer chatSlowSeconds) {

    static RoomSettingsForm of(LiveRoom room) {
        return new RoomSettingsForm(
                room.opening().name(),
                room.opensMinutesBefore(),
                room.closesMinutesAfter(),
                room.guestsAllowed(),
                room.premoderation(),
                room.chatSlowSeconds());
    }

    Map<String, String> check() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (opening == null || !opening.matches("AUTO|OPEN|CLOSED")) {
            errors.put("opening", "live.settings.error.opening");
        }
        if (opensMinutesBefore == null || opensMinutesBefore < 0 || opensMinutesBefore > 10_080) {
            errors.put("opensMinutesBefore", "live.settings.error.minutes");
        }
        if (closesMinutesAfter == null || closesMinutesAfter < 0 || closesMinutesAfter > 10_080) {
            errors.put("closesMinutesAfter", "live.settings.error.minutes");
        }
        if (chatSlowSeconds == null || chatSlowSeconds < 0 || chatSlowSeconds > 3600) {
            errors.put("chatSlowSeconds", "live.settings.error.slow");
        }
        return errors;
    }

    RoomService.RoomSettings toSettings() {
        return new RoomService.RoomSettings(
                LiveRoom.Opening.valueOf(opening),
                opensMinutesBefore,
                closesMinutesAfter,
                Boolean.TRUE.equals(guestsAllowed),
                Boolean.TRUE.equals(premoderation),
                chatSlowSeconds);
    }

    /** Unticked checkboxes are not sent at all. */
    public boolean guests() {
        return Boolean.TRUE.equals(guestsAllowed);
    }

    public boolean preModerated() {
        return Boolean.TRUE.equals(premoderation);
    }
}

package org.parcours.cycle;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The content of one cycle file once read and checked: what {@link CycleFileReader} produces, what {@link
 * CycleFileWriter} writes and what {@link CycleFiles} stores. Session starts are local date-times in the cycle's
 * time zone; any relative schedule has already been turned into dates.
 */
record CycleFile(
        String slug,
        String title,
        String summary,
        String description,
        String language,
        CycleStatus status,
        String timeZone,
        List<SessionEntry> sessions,
        List<TrainingEntry> trainings) {

    CycleFile {
        sessions = List.copyOf(sessions);
        trainings = List.copyOf(trainings);
    }

    record SessionEntry(
            String slug,
            String title,
            LocalDateTime start,
            int durationMinutes,
            String summary,
            String description,
            @Nullable String livestreamUrl,
            @Nullable String conferenceUrl,
            int seatCap,
            List<SegmentEntry> agenda,
            List<String> keyPoints) {

        SessionEntry {
            agenda = List.copyOf(agenda);
            keyPoints = List.copyOf(keyPoints);
        }
    }

    record SegmentEntry(SegmentKind kind, String title, int minutes) {}

    record TrainingEntry(
            String slug,
            String title,
            String summary,
            String description,
            String place,
            LocalDate startsOn,
            LocalDate endsOn,
            int capacity,
            String priceText,
            CycleStatus status) {}
}

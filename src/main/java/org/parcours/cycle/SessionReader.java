package org.parcours.cycle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads the {@code sessions:} list of a cycle file, with their agenda and key points. */
final class SessionReader {

    static final List<String> KEYS = List.of(
            "slug",
            "title",
            "start",
            "durationMinutes",
            "summary",
            "description",
            "livestreamUrl",
            "conferenceUrl",
            "seatCap",
            "agenda",
            "keyPoints");
    static final List<String> SEGMENT_KEYS = List.of("kind", "title", "minutes");
    static final List<String> SEGMENT_KINDS = List.of("recap", "presentation", "exchanges", "closing", "free");

    private final List<CycleFileProblem> problems;
    private final @Nullable ZoneId zone;
    private final @Nullable RelativeSchedule schedule;
    private final @Nullable LocalDate firstDate;
    private final boolean scheduleGiven;

    /**
     * {@code zone} and {@code schedule} are {@code null} when absent or wrong (already reported); {@code
     * scheduleGiven} tells the two apart, so a wrong schedule is not reported again for every session.
     */
    SessionReader(
            List<CycleFileProblem> problems,
            @Nullable ZoneId zone,
            @Nullable RelativeSchedule schedule,
            boolean scheduleGiven,
            Clock clock) {
        this.problems = problems;
        this.zone = zone;
        this.schedule = schedule;
        this.firstDate = schedule == null || zone == null ? null : schedule.firstDate(clock, zone);
        this.scheduleGiven = scheduleGiven;
    }

    List<CycleFile.SessionEntry> read(List<YamlNode> nodes) {
        List<CycleFile.SessionEntry> sessions = new ArrayList<>();
        Map<String, Integer> slugs = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            Fields session = Fields.of(nodes.get(i), "sessions[" + i + "]", problems);
            if (session == null) {
                continue;
            }
            CycleFile.SessionEntry entry = read(session, i);
            if (entry == null) {
                continue;
            }
            Integer earlier = slugs.putIfAbsent(entry.slug(), i);
            if (earlier != null) {
                session.problem("slug", "duplicateSlug", entry.slug(), "sessions[" + earlier + "]");
            }
            sessions.add(entry);
        }
        return sessions;
    }

    private CycleFile.@Nullable SessionEntry read(Fields session, int index) {
        int before = problems.size();
        session.allowOnly(KEYS);
        String slug = session.slug("slug");
        String title = session.text("title", true, 200);
        LocalDateTime start = start(session, index);
        Integer duration = session.integer("durationMinutes", true, 1, 1440, null);
        String summary = session.text("summary", 1000);
        String description = session.markdown("description", CycleFileReader.MARKDOWN_MAX);
        String livestream = session.url("livestreamUrl");
        String conference = session.url("conferenceUrl");
        Integer seatCap = session.integer("seatCap", false, 0, 1_000_000, Session.DEFAULT_SEAT_CAP);
        List<CycleFile.SegmentEntry> agenda = agenda(session);
        List<String> keyPoints = keyPoints(session);
        if (problems.size() > before
                || slug == null
                || title == null
                || start == null
                || duration == null
                || seatCap == null) {
            return null;
        }
        return new CycleFile.SessionEntry(
                slug, title, start, duration, summary, description, livestream, conference, seatCap, agenda, keyPoints);
    }

    /** The explicit start, else the one the schedule gives; a local time skipped by a clock change is refused. */
    private @Nullable LocalDateTime start(Fields session, int index) {
        LocalDateTime start;
        if (session.has("start")) {
            start = session.dateTime("start");
        } else if (schedule != null && firstDate != null) {
            start = schedule.start(firstDate, index);
        } else {
            if (!scheduleGiven) {
                session.problem("start", "startOrSchedule");
            }
            return null;
        }
        if (start != null
                && zone != null
                && zone.getRules().getValidOffsets(start).isEmpty()) {
            session.problem("start", "start.gap", start.toString().replace('T', ' '), zone.getId());
            return null;
        }
        return start;
    }

    private List<CycleFile.SegmentEntry> agenda(Fields session) {
        List<CycleFile.SegmentEntry> agenda = new ArrayList<>();
        List<YamlNode> nodes = session.list("agenda");
        for (int i = 0; i < nodes.size(); i++) {
            Fields segment = Fields.of(nodes.get(i), session.path("agenda") + "[" + i + "]", problems);
            if (segment == null) {
                continue;
            }
            segment.allowOnly(SEGMENT_KEYS);
            String kind = segment.choice("kind", SEGMENT_KINDS, null);
            String title = segment.text("title", true, 200);
            Integer minutes = segment.integer("minutes", true, 1, 1440, null);
            if (kind != null && title != null && minutes != null) {
                agenda.add(
                        new CycleFile.SegmentEntry(SegmentKind.valueOf(kind.toUpperCase(Locale.ROOT)), title, minutes));
            }
        }
        return agenda;
    }

    private List<String> keyPoints(Fields session) {
        List<String> keyPoints = new ArrayList<>();
        List<YamlNode> nodes = session.list("keyPoints");
        for (int i = 0; i < nodes.size(); i++) {
            String path = session.path("keyPoints") + "[" + i + "]";
            YamlNode node = nodes.get(i);
            if (!(node instanceof YamlNode.Scalar scalar)
                    || scalar.text() == null
                    || scalar.text().isBlank()) {
                problems.add(CycleFileProblem.of(node.line(), path, "keyPoint"));
            } else if (scalar.text().strip().length() > 1000) {
                problems.add(CycleFileProblem.of(
                        node.line(),
                        path,
                        "tooLong",
                        1000,
                        scalar.text().strip().length()));
            } else {
                keyPoints.add(scalar.text().strip());
            }
        }
        return keyPoints;
    }
}

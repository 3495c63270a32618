package org.parcours.cycle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads and checks a cycle file (format {@value #FORMAT}, described in {@code docs/cycle-file.md}). Everything is
 * checked before anything is stored: the result is either the complete content or every problem found, each with
 * its line and field path. Checks that need the database (slugs already taken) are done by {@link CycleFiles}.
 */
final class CycleFileReader {

    static final String FORMAT = "parcours-cycle/1";
    static final String DEFAULT_TIME_ZONE = "Europe/Paris";
    static final int MARKDOWN_MAX = 100_000;
    static final List<String> KEYS = List.of(
            "format",
            "slug",
            "title",
            "summary",
            "description",
            "language",
            "status",
            "timeZone",
            "schedule",
            "sessions",
            "trainings");
    static final List<String> TRAINING_KEYS = List.of(
            "slug",
            "title",
            "summary",
            "description",
            "place",
            "startsOn",
            "endsOn",
            "capacity",
            "priceText",
            "status");
    static final List<String> LANGUAGES = List.of("fr", "en");
    static final List<String> STATUSES = List.of("draft", "published");

    private final Clock clock;

    CycleFileReader(Clock clock) {
        this.clock = clock;
    }

    /** The outcome: {@code file} when there are no problems; {@code slugLines} locate slugs for later checks. */
    record Reading(@Nullable CycleFile file, List<CycleFileProblem> problems, Map<String, Integer> slugLines) {

        static Reading rejected(List<CycleFileProblem> problems) {
            return new Reading(null, problems, Map.of());
        }
    }

    Reading read(String text) {
        List<CycleFileProblem> problems = new ArrayList<>();
        YamlNode root = YamlTree.parse(text, problems);
        Fields cycle = root == null ? null : Fields.of(root, "", problems);
        if (cycle == null) {
            return Reading.rejected(problems);
        }
        // Without the right marker this is not a cycle file: listing every other mismatch would only be noise.
        if (!cycle.has("format")) {
            cycle.problem("format", "formatMissing", FORMAT);
            return Reading.rejected(problems);
        }
        String format = cycle.text("format", true, 100);
        if (format == null) {
            return Reading.rejected(problems);
        }
        if (!FORMAT.equals(format)) {
            cycle.problem("format", "format", format, FORMAT);
            return Reading.rejected(problems);
        }
        cycle.allowOnly(KEYS);
        String slug = cycle.slug("slug");
        String title = cycle.text("title", true, 200);
        String summary = cycle.text("summary", 1000);
        String description = cycle.markdown("description", MARKDOWN_MAX);
        String language = cycle.choice("language", LANGUAGES, "fr");
        String status = cycle.choice("status", STATUSES, "draft");
        ZoneId zone = zone(cycle);
        Fields scheduleFields = cycle.mapping("schedule");
        RelativeSchedule schedule = RelativeSchedule.read(scheduleFields);
        List<CycleFile.SessionEntry> sessions =
                new SessionReader(problems, zone, schedule, scheduleFields != null, clock).read(cycle.list("sessions"));
        Map<String, Integer> slugLines = new LinkedHashMap<>();
        slugLines.put("slug", cycle.line("slug"));
        List<CycleFile.TrainingEntry> trainings = trainings(cycle, problems, slugLines);
        if (!problems.isEmpty()
                || slug == null
                || title == null
                || language == null
                || status == null
                || zone == null) {
            return Reading.rejected(problems);
        }
        CycleFile file = new CycleFile(
                slug, title, summary, description, language, status(status), zone.getId(), sessions, trainings);
        return new Reading(file, List.of(), slugLines);
    }

    /** Region ids only ({@code Europe/Paris}): a fixed offset would get daylight saving time wrong. */
    private static @Nullable ZoneId zone(Fields cycle) {
        String id = cycle.text("timeZone", false, 64);
        if (id == null) {
            return cycle.has("timeZone") ? null : ZoneId.of(DEFAULT_TIME_ZONE);
        }
        if (!ZoneId.getAvailableZoneIds().contains(id)) {
            cycle.problem("timeZone", "timeZone", id);
            return null;
        }
        return ZoneId.of(id);
    }

    private static List<CycleFile.TrainingEntry> trainings(
            Fields cycle, List<CycleFileProblem> problems, Map<String, Integer> slugLines) {
        List<CycleFile.TrainingEntry> trainings = new ArrayList<>();
        Map<String, Integer> slugs = new HashMap<>();
        List<YamlNode> nodes = cycle.list("trainings");
        for (int i = 0; i < nodes.size(); i++) {
            Fields training = Fields.of(nodes.get(i), "trainings[" + i + "]", problems);
            if (training == null) {
                continue;
            }
            CycleFile.TrainingEntry entry = training(training, problems);
            if (entry == null) {
                continue;
            }
            Integer earlier = slugs.putIfAbsent(entry.slug(), i);
            if (earlier != null) {
                training.problem("slug", "duplicateSlug", entry.slug(), "trainings[" + earlier + "]");
            }
            slugLines.put(training.path("slug"), training.line("slug"));
            trainings.add(entry);
        }
        return trainings;
    }

    private static CycleFile.@Nullable TrainingEntry training(Fields training, List<CycleFileProblem> problems) {
        int before = problems.size();
        training.allowOnly(TRAINING_KEYS);
        String slug = training.slug("slug");
        String title = training.text("title", true, 200);
        String summary = training.text("summary", 1000);
        String description = training.markdown("description", MARKDOWN_MAX);
        String place = training.text("place", true, 300);
        LocalDate startsOn = training.date("startsOn", true);
        LocalDate endsOn = training.date("endsOn", true);
        Integer capacity = training.integer("capacity", true, 0, 1_000_000, null);
        String priceText = training.text("priceText", 200);
        String status = training.choice("status", STATUSES, "draft");
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            training.problem("endsOn", "endsBeforeStart", endsOn, startsOn);
        }
        if (problems.size() > before
                || slug == null
                || title == null
                || place == null
                || startsOn == null
                || endsOn == null
                || capacity == null
                || status == null) {
            return null;
        }
        return new CycleFile.TrainingEntry(
                slug, title, summary, description, place, startsOn, endsOn, capacity, priceText, status(status));
    }

    private static CycleStatus status(String status) {
        return CycleStatus.valueOf(status.toUpperCase(Locale.ROOT));
    }
}

package org.parcours.cycle;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes a {@link CycleFile} in the cycle file format, fields in the documented order, Markdown as literal
 * blocks. Every session gets its explicit {@code start}, so an exported file means the same thing whenever it is
 * imported again.
 */
final class CycleFileWriter {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .build();

    static final String HEADER = "# Parcours cycle file, see docs/cycle-file.md\n";

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    String write(CycleFile file) {
        ObjectNode root = nodes.objectNode();
        root.put("format", CycleFileReader.FORMAT);
        root.put("slug", file.slug());
        root.put("title", file.title());
        root.put("summary", file.summary());
        root.put("description", file.description());
        root.put("language", file.language());
        root.put("status", lower(file.status()));
        root.put("timeZone", file.timeZone());
        ArrayNode sessions = root.putArray("sessions");
        for (CycleFile.SessionEntry entry : file.sessions()) {
            sessions.add(session(entry));
        }
        if (!file.trainings().isEmpty()) {
            ArrayNode trainings = root.putArray("trainings");
            for (CycleFile.TrainingEntry entry : file.trainings()) {
                trainings.add(training(entry));
            }
        }
        return HEADER + MAPPER.writeValueAsString(root);
    }

    private ObjectNode session(CycleFile.SessionEntry entry) {
        ObjectNode session = nodes.objectNode();
        session.put("slug", entry.slug());
        session.put("title", entry.title());
        session.put("start", entry.start().toString());
        session.put("durationMinutes", entry.durationMinutes());
        session.put("summary", entry.summary());
        session.put("description", entry.description());
        putIfPresent(session, "livestreamUrl", entry.livestreamUrl());
        putIfPresent(session, "conferenceUrl", entry.conferenceUrl());
        session.put("seatCap", entry.seatCap());
        ArrayNode agenda = session.putArray("agenda");
        for (CycleFile.SegmentEntry segment : entry.agenda()) {
            ObjectNode node = agenda.addObject();
            node.put("kind", segment.kind().name().toLowerCase(Locale.ROOT));
            node.put("title", segment.title());
            node.put("minutes", segment.minutes());
        }
        ArrayNode keyPoints = session.putArray("keyPoints");
        entry.keyPoints().forEach(keyPoints::add);
        return session;
    }

    private ObjectNode training(CycleFile.TrainingEntry entry) {
        ObjectNode training = nodes.objectNode();
        training.put("slug", entry.slug());
        training.put("title", entry.title());
        training.put("summary", entry.summary());
        training.put("description", entry.description());
        training.put("place", entry.place());
        training.put("startsOn", entry.startsOn().toString());
        training.put("endsOn", entry.endsOn().toString());
        training.put("capacity", entry.capacity());
        training.put("priceText", entry.priceText());
        training.put("status", lower(entry.status()));
        return training;
    }

    private static void putIfPresent(ObjectNode node, String key, @Nullable String value) {
        if (value != null) {
            node.put(key, value);
        }
    }

    private static String lower(CycleStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}

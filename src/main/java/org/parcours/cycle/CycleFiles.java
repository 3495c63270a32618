package org.parcours.cycle;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parcours.library.search.SearchContentChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import and export of cycle files (format described in {@code docs/cycle-file.md}). An import checks the whole
 * file, then the slugs against the database, and only then stores the cycle, its sessions and its trainings in
 * one transaction: an invalid file stores nothing. Callers are the admin import page and the demo content
 * loader; both must only be reachable by organisers or the application itself.
 */
@Service
public class CycleFiles {

    /** Largest file accepted, in bytes (and characters for pasted text). */
    public static final int MAX_SIZE = 1_000_000;

    private final CycleRepository cycles;
    private final SessionRepository sessions;
    private final TrainingRepository trainings;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final CycleFileReader reader;
    private final CycleFileWriter writer = new CycleFileWriter();
    private final ApplicationEventPublisher events;

    CycleFiles(
            CycleRepository cycles,
            SessionRepository sessions,
            TrainingRepository trainings,
            Clock clock,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events) {
        this.cycles = cycles;
        this.sessions = sessions;
        this.trainings = trainings;
        this.clock = clock;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.reader = new CycleFileReader(clock);
    }

    /** Imports an uploaded file: UTF-8, with or without byte order mark. */
    public ImportResult importFile(byte[] content) {
        List<CycleFileProblem> problems = new ArrayList<>();
        if (content.length > MAX_SIZE) {
            return new ImportResult.Rejected(List.of(CycleFileProblem.of(0, "", "tooLarge", MAX_SIZE / 1000)));
        }
        String text = CycleFileDecoder.decode(content, problems);
        return text == null ? new ImportResult.Rejected(problems) : importFile(text);
    }

    /** Imports a cycle file given as text. */
    public ImportResult importFile(String yaml) {
        if (yaml.length() > MAX_SIZE) {
            return new ImportResult.Rejected(List.of(CycleFileProblem.of(0, "", "tooLarge", MAX_SIZE / 1000)));
        }
        CycleFileReader.Reading reading = reader.read(CycleFileDecoder.withoutBom(yaml));
        CycleFile file = reading.file();
        if (file == null) {
            return new ImportResult.Rejected(reading.problems());
        }
        List<CycleFileProblem> taken = slugsTaken(file, reading.slugLines());
        if (!taken.isEmpty()) {
            return new ImportResult.Rejected(taken);
        }
        try {
            Cycle cycle = transaction.execute(status -> store(file));
            // library.search: an imported cycle may be published at once
            events.publishEvent(new SearchContentChanged("cycle", cycle.id()));
            return new ImportResult.Imported(cycle);
        } catch (DuplicateKeyException e) {
            // Another import took a slug between the check and the insert; report it like the check does.
            List<CycleFileProblem> now = slugsTaken(file, reading.slugLines());
            return new ImportResult.Rejected(
                    now.isEmpty()
                            ? List.of(CycleFileProblem.of(
                                    reading.slugLines().get("slug"), "slug", "slugTaken", file.slug()))
                            : now);
        }
    }

    /** The cycle as a cycle file, with the file name to offer ({@code <slug>.yaml}). */
    public Optional<Export> export(long cycleId) {
        return cycles.findById(cycleId).map(cycle -> new Export(cycle.slug() + ".yaml", writer.write(toFile(cycle))));
    }

    /** An exported cycle file. */
    public record Export(String fileName, String yaml) {}

    private List<CycleFileProblem> slugsTaken(CycleFile file, Map<String, Integer> lines) {
        List<CycleFileProblem> problems = new ArrayList<>();
        if (cycles.existsBySlug(file.slug())) {
            problems.add(CycleFileProblem.of(lines.get("slug"), "slug", "slugTaken", file.slug()));
        }
        for (int i = 0; i < file.trainings().size(); i++) {
            String slug = file.trainings().get(i).slug();
            if (trainings.existsBySlug(slug)) {
                String path = "trainings[" + i + "].slug";
                problems.add(CycleFileProblem.of(lines.getOrDefault(path, 0), path, "trainingSlugTaken", slug));
            }
        }
        return problems;
    }

    private Cycle store(CycleFile file) {
        // Databases keep microseconds: the returned cycle then equals the stored one.
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        Cycle cycle = cycles.save(new Cycle(
                null,
                file.slug(),
                file.title(),
                file.summary(),
                file.description(),
                file.language(),
                file.status(),
                file.timeZone(),
                now,
                now));
        ZoneId zone = cycle.zone();
        List<Session> toSave = new ArrayList<>();
        for (int i = 0; i < file.sessions().size(); i++) {
            CycleFile.SessionEntry entry = file.sessions().get(i);
            toSave.add(new Session(
                    null,
                    cycle.id(),
                    i + 1,
                    entry.slug(),
                    entry.title(),
                    entry.start().atZone(zone).toOffsetDateTime(),
                    file.timeZone(),
                    entry.durationMinutes(),
                    entry.summary(),
                    entry.description(),
                    entry.livestreamUrl(),
                    entry.conferenceUrl(),
                    entry.seatCap(),
                    now,
                    entry.agenda().stream()
                            .map(s -> AgendaSegment.of(s.kind(), s.title(), s.minutes()))
                            .toList(),
                    entry.keyPoints().stream().map(KeyPoint::of).toList()));
        }
        sessions.saveAll(toSave);
        trainings.saveAll(file.trainings().stream()
                .map(t -> new Training(
                        null,
                        cycle.id(),
                        t.slug(),
                        t.title(),
                        t.summary(),
                        t.description(),
                        t.place(),
                        t.startsOn(),
                        t.endsOn(),
                        t.capacity(),
                        t.priceText(),
                        t.status(),
                        now))
                .toList());
        return cycle;
    }

    private CycleFile toFile(Cycle cycle) {
        ZoneId zone = cycle.zone();
        List<CycleFile.SessionEntry> entries = sessions.findByCycleIdOrderByPosition(cycle.id()).stream()
                .map(s -> new CycleFile.SessionEntry(
                        s.slug(),
                        s.title(),
                        s.startsAt().atZoneSameInstant(zone).toLocalDateTime(),
                        s.durationMinutes(),
                        s.summary(),
                        s.description(),
                        s.livestreamUrl(),
                        s.conferenceUrl(),
                        s.seatCap(),
                        s.agenda().stream()
                                .map(a -> new CycleFile.SegmentEntry(a.kind(), a.title(), a.plannedMinutes()))
                                .toList(),
                        s.keyPoints().stream().map(KeyPoint::text).toList()))
                .toList();
        List<CycleFile.TrainingEntry> trainingEntries = trainings.findByCycleIdOrderByStartsOn(cycle.id()).stream()
                .map(t -> new CycleFile.TrainingEntry(
                        t.slug(),
                        t.title(),
                        t.summary(),
                        t.description(),
                        t.place(),
                        t.startsOn(),
                        t.endsOn(),
                        t.capacity(),
                        t.priceText(),
                        t.status()))
                .toList();
        return new CycleFile(
                cycle.slug(),
                cycle.title(),
                cycle.summary(),
                cycle.description(),
                cycle.language(),
                cycle.status(),
                cycle.timeZone(),
                entries,
                trainingEntries);
    }
}

package org.parcours.library.qa;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Demo Q&A: the sessions named in {@code src/main/resources/demo/library/qa-cooperation-2020.yaml} get a published
 * archive imported from a chat sample through the real importer (reading, question heuristic, staging, publishing),
 * then the themes, statuses and first answers of that file. Runs after the demo cycles are imported, only for a
 * session whose archive is empty, and not with {@code parcours.demo.enabled=false}. Nodes starting together may
 * race, as for the demo media: the demo would then show the questions twice, which an organiser can delete.
 */
@Component
class QaDemo {

    static final String FILE = "demo/library/qa-cooperation-2020.yaml";
    static final String OWNER = "demo";

    private static final Logger log = LoggerFactory.getLogger(QaDemo.class);

    private final CycleService cycles;
    private final ChatImports imports;
    private final QaArchive archive;
    private final boolean enabled;

    QaDemo(
            CycleService cycles,
            ChatImports imports,
            QaArchive archive,
            @Value("${parcours.demo.enabled:true}") boolean enabled) {
        this.cycles = cycles;
        this.imports = imports;
        this.archive = archive;
        this.enabled = enabled;
    }

    /** After the cycle feature's demo import, which listens to the same event with the default order. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void publishIfMissing() {
        if (!enabled) {
            return;
        }
        try {
            JsonNode demo = YAMLMapper.builder().build().readTree(read(FILE));
            cycles.cycle(demo.path("cycle").asString()).ifPresent(cycle -> {
                for (JsonNode entry : demo.path("sessions")) {
                    cycles.session(cycle.id(), entry.path("session").asString())
                            .filter(s -> archive.questions(s.id()).isEmpty())
                            .ifPresent(session -> publish(cycle, session, entry));
                }
            });
        } catch (IOException | ChatRejected | ReviewRejected e) {
            // the demo files are tested (QaDemoIT); the application is fine without them
            log.warn("Demo content: Q&A not published: {}", e.getMessage());
        }
    }

    private void publish(Cycle cycle, Session session, JsonNode entry) {
        byte[] chat;
        try {
            chat = read("demo/library/" + entry.path("chat").asString());
        } catch (IOException e) {
            throw new ChatRejected("qa.import.empty");
        }
        String id = imports.stageFile(session, OWNER, entry.path("chat").asString(), chat);
        AuthorDisplay display = AuthorDisplay.of(entry.path("authorDisplay").asString());
        int created = imports.publish(id, OWNER, new ChatImports.Publication(display, "", true));
        List<ArchivedQuestion> questions = archive.questions(session.id());
        for (JsonNode answer : entry.path("questions")) {
            String start = answer.path("startsWith").asString();
            questions.stream()
                    .filter(q -> q.text().startsWith(start))
                    .findFirst()
                    .ifPresent(q -> archive.update(
                            q.id(),
                            new QuestionEdit(
                                    q.text(),
                                    q.authorName(),
                                    q.offsetSeconds(),
                                    answer.path("theme").asString(""),
                                    q.votes(),
                                    AnswerStatus.valueOf(answer.path("status").asString("OPEN")),
                                    answer.path("answer").asString(""),
                                    true)));
        }
        log.info("Demo content: {} questions published for {}/{}", created, cycle.slug(), session.slug());
    }

    private static byte[] read(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        }
    }
}

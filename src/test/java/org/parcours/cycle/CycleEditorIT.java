package org.parcours.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.parcours.cycle.EditFields.CycleFields;
import org.parcours.cycle.EditFields.SessionFields;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** What the admin relies on from {@link CycleEditor} when organisers act at the same time. */
@SpringBootTest
class CycleEditorIT {

    @Autowired
    CycleEditor editor;

    @Autowired
    CycleService cycles;

    @Test
    void concurrentCreationsWithOneSlugGiveOneCycleAndSlugTakenForTheOthers() throws Exception {
        String slug = "race-" + UUID.randomUUID();
        List<Object> outcomes = runTogether(8, () -> {
            try {
                return editor.createCycle(fields(slug));
            } catch (SlugTakenException e) {
                return e;
            }
        });
        assertThat(outcomes).filteredOn(Cycle.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(SlugTakenException.class::isInstance).hasSize(7);
    }

    @Test
    void concurrentMovesKeepThePathNumberedOneToN() throws Exception {
        Cycle cycle = editor.createCycle(fields("moves-" + UUID.randomUUID()));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(editor.createSession(cycle.id(), session("s" + i, i))
                    .orElseThrow()
                    .id());
        }
        AtomicInteger calls = new AtomicInteger();
        runTogether(20, () -> {
            int n = calls.getAndIncrement();
            return editor.moveSession(ids.get(n % ids.size()), n % 2 == 0 ? -1 : 1);
        });
        List<Session> path = cycles.sessions(cycle.id());
        assertThat(path).extracting(Session::position).containsExactly(1, 2, 3, 4, 5);
        assertThat(path).extracting(Session::id).containsExactlyInAnyOrderElementsOf(ids);
    }

    private static CycleFields fields(String slug) {
        return new CycleFields(slug, "Cycle " + slug, "", "", "fr", "Europe/Paris");
    }

    private static SessionFields session(String slug, int week) {
        return new SessionFields(
                slug,
                "Session " + slug,
                OffsetDateTime.parse("2026-04-02T16:00:00Z").plusWeeks(week),
                "Europe/Paris",
                60,
                "",
                "",
                null,
                null,
                100);
    }

    private static List<Object> runTogether(int tasks, Callable<Object> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = IntStream.range(0, tasks)
                    .mapToObj(i -> pool.submit(() -> {
                        start.await();
                        return task.call();
                    }))
                    .toList();
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}

package org.parcours.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoContentTest {

    final CycleFiles files = mock(CycleFiles.class);
    final CycleRepository cycles = mock(CycleRepository.class);

    @Test
    void turnedOffImportsNothing() {
        DemoContent demo = new DemoContent(files, cycles, false);
        demo.loadIfEmpty();
        assertThat(demo.outcome()).isEqualTo(DemoContent.Outcome.DISABLED);
        verify(files, never()).importFile(any(byte[].class));
    }

    @Test
    void aDatabaseWithCyclesIsLeftAlone() {
        when(cycles.count()).thenReturn(1L);
        DemoContent demo = new DemoContent(files, cycles, true);
        demo.loadIfEmpty();
        assertThat(demo.outcome()).isEqualTo(DemoContent.Outcome.NOT_EMPTY);
        verify(files, never()).importFile(any(byte[].class));
    }

    @Test
    void anEmptyDatabaseGetsEveryDemoFileAndSlugsTakenMeanAlreadyThere() {
        when(cycles.count()).thenReturn(0L);
        Cycle cycle = new Cycle(
                1L,
                "cooperation-2020",
                "t",
                "",
                "",
                "fr",
                CycleStatus.PUBLISHED,
                "Europe/Paris",
                OffsetDateTime.MIN,
                OffsetDateTime.MIN);
        when(files.importFile(any(byte[].class)))
                .thenReturn(new ImportResult.Imported(cycle))
                .thenReturn(new ImportResult.Rejected(
                        List.of(new CycleFileProblem(2, "slug", "cyclefile.problem.slugTaken", List.of("x")))));
        DemoContent demo = new DemoContent(files, cycles, true);
        demo.loadIfEmpty();
        assertThat(demo.outcome()).isEqualTo(DemoContent.Outcome.LOADED);
        verify(files, times(DemoContent.FILES.size())).importFile(any(byte[].class));
    }
}

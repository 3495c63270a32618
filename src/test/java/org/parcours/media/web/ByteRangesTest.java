package org.parcours.media.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parcours.media.web.ByteRanges.Partial;
import org.parcours.media.web.ByteRanges.Range;
import org.parcours.media.web.ByteRanges.Unsatisfiable;
import org.parcours.media.web.ByteRanges.Whole;

class ByteRangesTest {

    @Test
    void resolvesTheThreeFormsAgainstTheSize() {
        assertThat(ByteRanges.resolve("bytes=0-9", 100)).isEqualTo(new Partial(List.of(new Range(0, 9))));
        assertThat(ByteRanges.resolve("bytes=90-", 100)).isEqualTo(new Partial(List.of(new Range(90, 99))));
        assertThat(ByteRanges.resolve("bytes=-10", 100)).isEqualTo(new Partial(List.of(new Range(90, 99))));
        assertThat(ByteRanges.resolve("bytes=-500", 100)).isEqualTo(new Partial(List.of(new Range(0, 99))));
        assertThat(ByteRanges.resolve("bytes=50-5000", 100)).isEqualTo(new Partial(List.of(new Range(50, 99))));
        assertThat(ByteRanges.resolve("bytes= 0-4 , 10-14", 100))
                .isEqualTo(new Partial(List.of(new Range(0, 4), new Range(10, 14))));
    }

    @Test
    void answersLikeNginxToWhatIsWrong() {
        assertThat(ByteRanges.resolve("bytes=100-", 100)).isInstanceOf(Unsatisfiable.class);
        assertThat(ByteRanges.resolve("bytes=-0", 100)).isInstanceOf(Unsatisfiable.class);
        assertThat(ByteRanges.resolve("bytes=abc", 100)).isInstanceOf(Unsatisfiable.class);
        assertThat(ByteRanges.resolve("bytes=5-2", 100)).isInstanceOf(Unsatisfiable.class);
        assertThat(ByteRanges.resolve("bytes=0-4,", 100)).isInstanceOf(Unsatisfiable.class);
        assertThat(ByteRanges.resolve("bytes=1-2-3", 100)).isInstanceOf(Unsatisfiable.class);
        assertThat(ByteRanges.resolve("bytes=99999999999999999999-", 100)).isInstanceOf(Unsatisfiable.class);
        assertThat(ByteRanges.resolve("items=0-5", 100)).isInstanceOf(Whole.class);
        assertThat(ByteRanges.resolve("0-5", 100)).isInstanceOf(Whole.class);
        assertThat(ByteRanges.resolve("bytes=" + "0-1,".repeat(20) + "0-1", 100))
                .isInstanceOf(Whole.class);
        assertThat(ByteRanges.resolve("bytes=0-0,200-300", 100)).isEqualTo(new Partial(List.of(new Range(0, 0))));
    }
}

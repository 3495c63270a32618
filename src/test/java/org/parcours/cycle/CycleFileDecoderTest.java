package org.parcours.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CycleFileDecoderTest {

    final List<CycleFileProblem> problems = new ArrayList<>();

    @Test
    void utf8WithOrWithoutByteOrderMark() {
        byte[] plain = "title: Coopération\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[plain.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, withBom, 3, plain.length);
        assertThat(CycleFileDecoder.decode(plain, problems)).isEqualTo("title: Coopération\r\n");
        assertThat(CycleFileDecoder.decode(withBom, problems)).isEqualTo("title: Coopération\r\n");
        assertThat(problems).isEmpty();
        assertThat(CycleFileDecoder.withoutBom("\uFEFFformat: x")).isEqualTo("format: x");
    }

    @Test
    void latin1IsRefusedWithTheLineOfTheFirstAccent() {
        byte[] latin1 =
                "format: parcours-cycle/1\r\nslug: x\r\ntitle: Coopération\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(CycleFileDecoder.decode(latin1, problems)).isNull();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.messageKey()).isEqualTo("cyclefile.problem.encoding");
        });
    }

    @Test
    void utf16IsRefused() {
        byte[] utf16 = "format: parcours-cycle/1\n".getBytes(StandardCharsets.UTF_16);
        assertThat(CycleFileDecoder.decode(utf16, problems)).isNull();
        assertThat(problems)
                .extracting(CycleFileProblem::messageKey)
                .containsExactly("cyclefile.problem.encoding.utf16");
    }

    @Test
    void truncatedMultiByteCharacterAtTheEndIsRefused() {
        byte[] bytes = "title: é".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        assertThat(CycleFileDecoder.decode(cut, problems)).isNull();
        assertThat(problems).extracting(CycleFileProblem::line).containsExactly(1);
    }
}

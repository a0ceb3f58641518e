package io.facecheck.cli;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code employees list} pads names by the columns a terminal gives them, so CJK names line up with Latin ones. */
class DisplayWidthTest {
    @Test
    void wideCharactersTakeTwoColumnsAndCombiningMarksNone() {
        assertThat(DisplayWidth.of("王芳")).isEqualTo(4);
        assertThat(DisplayWidth.of("山田太郎")).isEqualTo(8);
        assertThat(DisplayWidth.of("Zoë")).isEqualTo(3);
        assertThat(DisplayWidth.of(Normalizer.normalize("Zoë", Normalizer.Form.NFD))).isEqualTo(3);
        assertThat(DisplayWidth.of("Zoë Müller-李")).isEqualTo(13);
        assertThat(DisplayWidth.of("やまだ　ＡＢ")).as("kana, U+3000 and full-width Latin").isEqualTo(12);
        assertThat(DisplayWidth.of("ｱｲ")).as("half-width katakana").isEqualTo(2);
        assertThat(DisplayWidth.of("𠮷")).as("a supplementary-plane ideograph").isEqualTo(2);
    }

    @Test
    void paddedNamesEndInTheSameColumn() {
        String[] names = {"王芳", "山田太郎", "Zoë", "Zoë Müller-李"};
        for (String n : names) {
            String line = DisplayWidth.padRight(n, 16) + "|";
            assertThat(DisplayWidth.of(line)).as(line).isEqualTo(17);
            assertThat(line).startsWith(n);
        }
        assertThat(DisplayWidth.padRight("王芳", 16)).isEqualTo("王芳" + " ".repeat(12));
        assertThat(DisplayWidth.padLeft("王芳", 6)).isEqualTo("  王芳");
        assertThat(DisplayWidth.padRight("山田太郎", 4)).as("never cut").isEqualTo("山田太郎");
    }
}

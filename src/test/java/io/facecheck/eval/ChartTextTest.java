package io.facecheck.eval;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Titles and legends of both charts keep CJK text on a machine without CJK fonts (a data set, a person or a
 * translated title may be named in Chinese or Japanese): each character is drawn as a glyph of its own, not as
 * the box drawn for a code point no font has.
 */
class ChartTextTest {
    private static final List<String> NAMES = List.of("王芳", "山田太郎", "Zoë Müller-李");
    private static final String MISSING = "\uE000"; // private use: drawn as the missing-glyph box

    @Test
    void rocChartDrawsCjkTitleAndLegend() {
        List<RocPoint> roc = new Verification(new double[]{0.1, 0.2, 0.8, 0.9},
                new boolean[]{true, true, false, false}).roc();
        assertEachCharacterDrawn(text -> {
            Map<String, List<RocPoint>> curves = new LinkedHashMap<>();
            curves.put(text, roc);
            return RocChart.render(curves, text, 400, 300);
        });
    }

    @Test
    void degradationChartDrawsCjkTitleAndLegend() {
        assertEachCharacterDrawn(text -> DegradationChart.chart(List.of(
                new DegradationChart.Point(text, new Degradation("blur", 1), 0.9),
                new DegradationChart.Point(text, new Degradation("blur", 2), 0.8)), text)
                .createBufferedImage(600, 520));
    }

    /** Draws the chart with each character of the names as its texts, and with the missing glyph instead. */
    private static void assertEachCharacterDrawn(Function<String, BufferedImage> chart) {
        int[] box = pixels(chart.apply(MISSING));
        for (String name : NAMES) {
            name.codePoints().filter(c -> c != ' ').mapToObj(Character::toString).forEach(c ->
                    assertThat(differing(pixels(chart.apply(c)), box))
                            .as("%s drawn as the missing-glyph box", c).isPositive());
        }
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    private static int differing(int[] a, int[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                n++;
            }
        }
        return n;
    }
}

package io.facecheck.fonts;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled font draws CJK and accented names with Java2D (the charts) on a machine without any CJK font, as
 * this one and CI are: every character has a glyph of its own, never the missing-glyph box.
 */
class BundledFontTest {
    static final List<String> NAMES = List.of("王芳", "山田太郎", "Zoë Müller-李");
    /** Private use: no font has it, so it is drawn as the font's .notdef (the box). */
    static final String MISSING = "\uE000";

    @Test
    void coversTheNamesInBothWeights() {
        for (int style : new int[]{Font.PLAIN, Font.BOLD}) {
            Font f = BundledFont.awt(style, 44);
            assertThat(f.getFamily()).isEqualTo(BundledFont.FAMILY);
            for (String name : NAMES) {
                assertThat(f.canDisplayUpTo(name)).as("%s in style %d", name, style).isEqualTo(-1);
            }
            // the characters an IME types in full-width mode, kana and the ideographic space
            assertThat(f.canDisplayUpTo("ＡＢＣ１２３　、。かなカナ々")).isEqualTo(-1);
            assertThat(f.canDisplay(MISSING.codePointAt(0))).isFalse();
        }
    }

    @Test
    void drawsEachCharacterAsItsOwnGlyphNotTheBox() {
        Font f = BundledFont.awt(Font.BOLD, 44);
        int[] box = draw(f, MISSING);
        int[] blank = draw(f, " ");
        for (String name : NAMES) {
            name.codePoints().filter(c -> c != ' ').forEach(c -> {
                int[] glyph = draw(f, Character.toString(c));
                assertThat(differing(glyph, blank)).as("ink of %s", Character.toString(c)).isPositive();
                assertThat(differing(glyph, box)).as("%s drawn as the missing-glyph box", Character.toString(c))
                        .isPositive();
            });
        }
    }

    /** The pixels of {@code text} drawn black on white at a fixed origin. */
    static int[] draw(Font font, String text) {
        BufferedImage img = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 96, 96);
            g.setColor(Color.BLACK);
            g.setFont(font);
            g.drawString(text, 16, 64);
        } finally {
            g.dispose();
        }
        return img.getRGB(0, 0, 96, 96, null, 0, 96);
    }

    static int differing(int[] a, int[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                n++;
            }
        }
        return n;
    }
}

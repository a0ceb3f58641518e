package io.facecheck.fonts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The font that travels in the jar so that no name or message comes out as boxes: Noto Sans CJK SC, Regular and
 * Bold, cut down to GB 2312 + JIS X 0208 + kana + Latin (how and why: {@code io/facecheck/fonts/README.md}).
 * A fresh Debian, a minimal kiosk image and CI have no CJK font at all, and neither JavaFX's CSS nor Java2D falls
 * back to a font the program loaded itself, so the screens and charts name this family outright; it has Latin
 * letters too. This class serves Java2D (the charts); {@code io.facecheck.ui.UiFonts} loads it into JavaFX.
 */
public final class BundledFont {
    private static final Logger LOG = LoggerFactory.getLogger(BundledFont.class);

    /** The family name the faces carry (kept from the original, so a system's full Noto Sans CJK SC is the same). */
    public static final String FAMILY = "Noto Sans CJK SC";
    /** The faces, in this package's resource folder: Regular, then Bold. */
    public static final List<String> FILES = List.of("NotoSansCJKsc-Regular-subset.otf",
            "NotoSansCJKsc-Bold-subset.otf");

    private BundledFont() {
    }

    /** One face's bytes, from the jar. */
    public static InputStream open(String file) throws IOException {
        InputStream in = BundledFont.class.getResourceAsStream(file);
        if (in == null) {
            throw new IOException("the font " + file + " is missing from the jar (io/facecheck/fonts/)");
        }
        return in;
    }

    /**
     * The bundled family for Java2D in a {@link Font} style and point size; both faces are registered with the
     * graphics environment on the first call (0.1 to 0.2 s). When that fails the logical SansSerif font is given
     * instead, and the reason is logged once.
     */
    public static Font awt(int style, int size) {
        return new Font(AwtFaces.REGISTERED ? FAMILY : Font.SANS_SERIF, style, size);
    }

    /** Registers the faces when first touched (the JVM runs a class initialiser once, thread-safely). */
    private static final class AwtFaces {
        static final boolean REGISTERED = register();

        private static boolean register() {
            long t0 = System.nanoTime();
            try {
                for (String file : FILES) {
                    try (InputStream in = open(file)) {
                        // false when the system has a font of that name already: Java2D then uses that one, the
                        // full font this was cut from, which is as good
                        GraphicsEnvironment.getLocalGraphicsEnvironment()
                                .registerFont(Font.createFont(Font.TRUETYPE_FONT, in));
                    }
                }
                LOG.debug("{} registered for Java2D in {} ms", FAMILY, (System.nanoTime() - t0) / 1_000_000);
                return true;
            } catch (IOException | FontFormatException e) {
                LOG.warn("cannot use the bundled font {}, CJK text may show as boxes: {}", FAMILY, e.getMessage());
                return false;
            }
        }
    }
}

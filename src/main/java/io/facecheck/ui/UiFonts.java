package io.facecheck.ui;

import io.facecheck.fonts.BundledFont;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bundled CJK-capable font ({@link BundledFont}) for JavaFX. JavaFX's CSS uses only the first family of a
 * {@code -fx-font-family} list and falls back per glyph to the system's fonts, never to one the program loaded;
 * so {@code facecheck.css} names {@link BundledFont#FAMILY} first, and it must be loaded before the screens are
 * built. Loading reads 4.8 MB and takes 0.1 to 0.2 s (docs/ui.md): do it off the FX thread
 * ({@link FaceCheckApp#init()} and the window's background start do).
 */
public final class UiFonts {
    private static final Logger LOG = LoggerFactory.getLogger(UiFonts.class);
    private static boolean loaded;

    private UiFonts() {
    }

    /**
     * Loads both faces once; later calls return at once. Without them the screens use JavaFX's "System" font and
     * CJK text shows as boxes on a machine without CJK fonts, so a failure is logged, not thrown.
     */
    public static synchronized void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        long t0 = System.nanoTime();
        for (String file : BundledFont.FILES) {
            try (InputStream in = BundledFont.open(file)) {
                if (Font.loadFont(in, 12) == null) {
                    LOG.warn("JavaFX cannot read the bundled font {}; CJK text may show as boxes", file);
                }
            } catch (IOException e) {
                LOG.warn("cannot load the bundled font: {}; CJK text may show as boxes", e.getMessage());
            }
        }
        LOG.info("fonts: {} loaded in {} ms", BundledFont.FAMILY, (System.nanoTime() - t0) / 1_000_000);
    }

    /** The kiosk's greeting font (the names over the faces in the preview), in the bundled family. */
    public static Font greeting(double size) {
        return Font.font(BundledFont.FAMILY, FontWeight.BOLD, size);
    }
}

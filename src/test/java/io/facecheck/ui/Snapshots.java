package io.facecheck.ui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * PNG snapshots of the real screens rendered headless (Monocle, software pipeline), written to
 * {@code target/screenshots/}; {@code docs/screenshots/} holds the copies shown in the docs.
 */
final class Snapshots {
    static final Path DIR = Path.of("target/screenshots");

    private Snapshots() {
    }

    static Path save(Scene scene, String name) throws Exception {
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(20, TimeUnit.SECONDS);
        BufferedImage b = SwingFXUtils.fromFXImage(img, null);
        Files.createDirectories(DIR);
        Path out = DIR.resolve(name + ".png");
        ImageIO.write(b, "png", out.toFile());
        return out;
    }
}

package io.facecheck.ui.kiosk;

import io.facecheck.attendance.AttendanceEngine;
import io.facecheck.camera.FrameCapture;
import io.facecheck.camera.ImageFolderSource;
import io.facecheck.config.AppDirs;
import io.facecheck.config.Settings;
import io.facecheck.config.SettingsLoader;
import io.facecheck.face.FaceEngine;
import io.facecheck.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The inference thread over a real camera source and the real recognition path. */
class InferenceLoopTest {
    @TempDir
    Path tmp;

    @Test
    void withNobodyInFrontItLooksAtMostTenTimesASecond() throws Exception {
        Path frames = Files.createDirectories(tmp.resolve("empty-hall"));
        for (int i = 0; i < 4; i++) {
            BufferedImage b = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = b.createGraphics();
            g.setColor(new Color(90 + 20 * i, 100, 110));
            g.fillRect(0, 0, 320, 240);
            g.dispose();
            ImageIO.write(b, "png", frames.resolve("frame" + i + ".png").toFile());
        }
        Settings settings = SettingsLoader.load(new AppDirs(tmp.resolve("cfg"), tmp.resolve("data")), null, Map.of());
        List<Long> analysed = new CopyOnWriteArrayList<>();
        try (Database db = Database.open("jdbc:h2:file:" + tmp.resolve("db/facecheck").toAbsolutePath());
             AttendanceEngine engine = AttendanceEngine.open(settings, db, FaceEngine.Options.defaults());
             FrameCapture capture = new FrameCapture(new ImageFolderSource(frames, 60),
                     new FrameCapture.Options(true, Duration.ofMillis(50), Duration.ofMillis(200))).start()) {
            RecognitionAnalyzer analyzer = new RecognitionAnalyzer(engine.station("hall", Clock.systemUTC()),
                    new io.facecheck.app.EmployeeAdminService(db));
            analyzer.analyze(capture.awaitNewer(0, 10, TimeUnit.SECONDS)); // warm the models up
            long t0 = System.nanoTime();
            try (InferenceLoop loop = new InferenceLoop(capture, analyzer, u -> {
                assertThat(u.faces()).isEmpty();
                analysed.add(u.frameSequence());
            }, e -> {
                throw new AssertionError(e);
            }).start()) {
                Thread.sleep(1500);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            // 60 frames a second arrive; without a face the loop takes one every 100 ms at most
            assertThat(analysed.size()).isGreaterThan(3)
                    .isLessThanOrEqualTo((int) Math.ceil(seconds / 0.1) + 1);
        }
    }
}

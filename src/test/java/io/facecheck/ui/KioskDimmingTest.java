package io.facecheck.ui;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Screen-saver dimming on the real engine and models: a kiosk camera that shows an empty room dims the screen
 * after {@code kiosk.dim-after}; a face in front of the camera wakes it.
 */
@ExtendWith(ApplicationExtension.class)
class KioskDimmingTest {
    @TempDir
    static Path tmp;
    private MainWindow window;

    @BeforeAll
    static void emptyRoom() throws Exception {
        Path room = Files.createDirectories(tmp.resolve("empty-room"));
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(120, 110, 100));
        g.fillRect(0, 0, 640, 480);
        g.setColor(new Color(70, 60, 50));
        g.fillRect(0, 360, 640, 120); // a floor
        g.dispose();
        ImageIO.write(img, "png", room.resolve("room.png").toFile());
        Files.writeString(tmp.resolve("user.properties"), "kiosk.dim-after=PT1S\n");
    }

    @Start
    void start(Stage stage) {
        LaunchOptions opts = new LaunchOptions(LaunchOptions.Screen.KIOSK, "dir:" + tmp.resolve("empty-room"), false,
                "hall", "jdbc:h2:file:" + tmp.resolve("db/facecheck").toAbsolutePath());
        window = new MainWindow(opts, () -> AppServices.open(tmp.resolve("user.properties"), opts));
        Scene scene = new Scene(window.root(), 1280, 720);
        scene.getStylesheets().add(FaceCheckApp.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        window.start();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.close()).get(20, TimeUnit.SECONDS);
    }

    @Test
    void kioskDimsWithoutFacesAndWakesOnAFace(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.kiosk() != null && window.kiosk().updateCount() >= 3);
        assertThat(window.services().settings().kiosk().dimAfter()).hasSeconds(1);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.dimmer().dimmedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(AdminLoginTest.visible(robot, "#kiosk-dim")).isTrue();
        assertThat(window.kiosk().lastUpdateProperty().get().faces()).isEmpty();

        robot.interact(() -> window.kiosk().useCamera("dir:src/test/resources/lfw10/Hugo_Chavez"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.dimmer().dimmedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(AdminLoginTest.visible(robot, "#kiosk-dim")).isFalse();
        assertThat(window.kiosk().lastUpdateProperty().get().faces()).isNotEmpty();
    }
}

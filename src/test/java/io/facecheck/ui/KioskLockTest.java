package io.facecheck.ui;

import io.facecheck.store.AuditEntry;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full-screen kiosk as {@code kiosk --fullscreen} opens it (a real H2 file database with one administrator):
 * Escape and a close request (Alt+F4) leave it open until an administrator's password is given.
 */
@ExtendWith(ApplicationExtension.class)
class KioskLockTest {
    @TempDir
    static Path tmp;
    private MainWindow window;
    private KioskLock lock;
    private Stage stage;

    @Start
    void start(Stage primary) {
        LaunchOptions opts = new LaunchOptions(LaunchOptions.Screen.KIOSK, "dir:src/test/resources/lfw10/Hugo_Chavez",
                true, "hall", "jdbc:h2:file:" + tmp.resolve("db/facecheck").toAbsolutePath());
        window = new MainWindow(opts, () -> {
            AppServices s = AppServices.open(tmp.resolve("user.properties"), opts);
            if (s.admins().firstRun()) {
                s.admins().add("boss", "correct horse".toCharArray(), "test");
            }
            return s;
        });
        // Monocle enters full screen through its focused window and throws when there is none yet (this test run
        // first, or alone): show TestFX's primary stage first, as a desktop has some window focused
        primary.setScene(new Scene(new Label("FaceCheck test host"), 200, 100));
        primary.show();
        // a stage of its own: the lock changes the stage (full screen, handlers), and TestFX reuses its primary one
        stage = new Stage();
        lock = new KioskLock(window::services);
        Scene scene = new Scene(lock.wrap(window.root()), 1280, 720);
        scene.getStylesheets().add(FaceCheckApp.STYLESHEET);
        stage.setScene(scene);
        lock.lock(stage);
        stage.show();
        stage.toFront();
        window.start();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.close();
            stage.close();
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void escapeDoesNotCloseTheFullScreenKioskWithoutTheAdminPassword(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.services() != null && AdminLoginTest.visible(robot, "#kiosk"));
        assertThat(stage.isFullScreen()).isTrue();

        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> AdminLoginTest.visible(robot, "#unlock"));
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.isFullScreen()).as("Escape does not leave full screen").isTrue();
        Snapshots.save(stage.getScene(), "kiosk-locked");

        AdminLoginTest.type(robot, "#unlock-user", "boss");
        AdminLoginTest.type(robot, "#unlock-password", "wrong horse");
        AdminLoginTest.press(robot, "#unlock-submit");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#unlock-error").queryAs(Label.class).getText().contains("Wrong user name or password"));
        assertThat(stage.isShowing()).isTrue();

        // Escape dismisses the prompt; the window manager's close request (Alt+F4) brings it back, window open
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !lock.promptShowing());
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();
        assertThat(lock.promptShowing()).isTrue();

        AdminLoginTest.type(robot, "#unlock-user", "boss");
        AdminLoginTest.type(robot, "#unlock-password", "correct horse");
        AdminLoginTest.press(robot, "#unlock-submit");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !stage.isShowing());
        assertThat(lock.unlocked()).isTrue();
        assertThat(window.services().audit().recent(20)).extracting(AuditEntry::action)
                .contains("login-failed", KioskLock.AUDIT_EXIT);
    }
}

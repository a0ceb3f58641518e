package io.facecheck.ui;

import io.facecheck.camera.CaptureState;
import io.facecheck.camera.FrameCapture;
import io.facecheck.camera.ImageFolderSource;
import io.facecheck.ui.kiosk.FrameAnalyzer;
import io.facecheck.ui.kiosk.KioskView;
import io.facecheck.ui.kiosk.KioskViewModel;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class KioskViewTest {
    private KioskViewModel vm;
    private KioskView view;

    @Start
    void start(Stage stage) {
        vm = new KioskViewModel(() -> FrameAnalyzer.PREVIEW_ONLY);
        vm.onCheckInProperty().set(null);
        view = new KioskView(vm, () -> { });
        Scene scene = new Scene(view, 1280, 720);
        scene.getStylesheets().add(FaceCheckApp.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.close()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void previewShowsFramesOfAFolderThroughOneReusedImage(FxRobot robot) throws Exception {
        robot.interact(() -> vm.use(new ImageFolderSource(Path.of("src/test/resources/lfw10/Colin_Powell"), 30),
                new FrameCapture.Options(true, Duration.ofMillis(100), Duration.ofSeconds(1))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.preview().shownSequence() >= 3);
        WritableImage first = view.preview().image();
        long seq = view.preview().shownSequence();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.preview().shownSequence() >= seq + 5);
        assertThat(view.preview().image()).isSameAs(first);
        assertThat(first.getWidth()).isEqualTo(250);
        assertThat(first.getPixelReader().getArgb(125, 125) >>> 24).isEqualTo(0xff);
        assertThat(robot.lookup("#no-camera").queryAs(javafx.scene.Node.class).isVisible()).isFalse();
        assertThat(vm.cameraStateProperty().get().status()).isEqualTo(CaptureState.Status.PLAYING);
    }

    @Test
    void missingCameraShowsTheNoCameraStateAndAnotherSourceCanBeChosen(FxRobot robot) throws Exception {
        robot.interact(() -> vm.useCamera("/dev/video93"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.cameraMissingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#no-camera").queryAs(javafx.scene.Node.class).isVisible()).isTrue();
        assertThat(robot.lookup("#camera-message").queryAs(Label.class).getText()).contains("/dev/video93");

        robot.interact(() -> robot.lookup("#camera-choice").queryAs(javafx.scene.control.ComboBox.class)
                .getEditor().setText("dir:src/test/resources/lfw10/Hugo_Chavez"));
        AdminLoginTest.press(robot, "#choose-camera");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.preview().shownSequence() >= 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#no-camera").queryAs(javafx.scene.Node.class).isVisible()).isFalse();
        assertThat(robot.lookup("#choose-camera").queryAs(Button.class)).isNotNull();
    }
}

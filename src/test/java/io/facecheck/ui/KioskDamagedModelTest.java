package io.facecheck.ui;

import io.facecheck.models.ModelCopies;
import io.facecheck.models.ModelNames;
import io.facecheck.models.Models;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, item 1, in the kiosk window: with a damaged MobileFaceNet the kiosk does not recognise anyone with it;
 * the screen names the damaged file, as the commands do.
 */
@ExtendWith(ApplicationExtension.class)
class KioskDamagedModelTest {
    @TempDir
    Path tmp;
    private MainWindow window;

    @AfterEach
    void close() throws Exception {
        System.clearProperty(Models.DIR_PROPERTY);
        if (window != null) {
            WaitForAsyncUtils.asyncFx(() -> window.close()).get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void theKioskNamesTheDamagedModelFileInsteadOfRecognisingWithIt(FxRobot robot) throws Exception {
        Path models = ModelCopies.copy(tmp.resolve("models"),
                ModelNames.PNET, ModelNames.RNET, ModelNames.ONET, ModelNames.MOBILEFACENET);
        Path pb = models.resolve(ModelNames.MOBILEFACENET).resolve("saved_model.pb");
        ModelCopies.damage(pb);
        System.setProperty(Models.DIR_PROPERTY, models.toString()); // the kiosk's engine takes the default folder
        LaunchOptions opts = new LaunchOptions(LaunchOptions.Screen.KIOSK,
                "dir:" + Path.of("src/test/resources/lfw10/Tony_Blair").toAbsolutePath(), false, "hall",
                "jdbc:h2:file:" + tmp.resolve("fc"), null, tmp.resolve("site.key").toString());

        window = new MainWindow(opts, () -> AppServices.open(tmp.resolve("user.properties"), opts));
        Windows.show(window);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> window.kiosk() != null
                && window.kiosk().errorProperty().get().contains(pb.toAbsolutePath().toString()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#kiosk-error").queryAs(Label.class).getText())
                .contains("model file corrupt: " + pb.toAbsolutePath());
    }
}

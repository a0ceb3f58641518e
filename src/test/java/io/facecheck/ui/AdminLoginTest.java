package io.facecheck.ui;

import io.facecheck.config.LivenessMode;
import io.facecheck.store.AuditEntry;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
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

/** Admin screens behind the login, against a real H2 file database. */
@ExtendWith(ApplicationExtension.class)
class AdminLoginTest {
    @TempDir
    static Path tmp;
    private MainWindow window;

    @org.junit.jupiter.api.BeforeAll
    static void inEnglish() {
        // these tests read the screens' English words
        io.facecheck.config.Messages.setLocale(java.util.Locale.ENGLISH);
    }

    @Start
    void start(Stage stage) {
        LaunchOptions opts = new LaunchOptions(LaunchOptions.Screen.ADMIN, "dir:src/test/resources/lfw10/Tony_Blair", false,
                "test-kiosk", "jdbc:h2:file:" + tmp.resolve("db/facecheck").toAbsolutePath());
        window = new MainWindow(opts, () -> AppServices.open(tmp.resolve("user.properties"), opts));
        show(stage, window);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.close()).get(10, TimeUnit.SECONDS);
    }

    /** Shows the app window at kiosk size with the app's stylesheet and starts it. */
    static void show(Stage stage, MainWindow window) {
        Scene scene = new Scene(window.root(), 1280, 720);
        scene.getStylesheets().add(FaceCheckApp.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        window.start();
    }

    static boolean visible(FxRobot r, String id) {
        return r.lookup(id).tryQuery().map(n -> n.isVisible() && n.getScene() != null).orElse(false);
    }

    /** Types into a text field once it is on screen (set on the FX thread: robust under headless Monocle). */
    static void type(FxRobot robot, String id, String text) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> visible(robot, id));
        robot.interact(() -> robot.lookup(id).queryAs(javafx.scene.control.TextInputControl.class).setText(text));
    }

    /** Presses a button once it is on screen and enabled. */
    static void press(FxRobot robot, String id) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> visible(robot, id)
                && !robot.lookup(id).queryAs(javafx.scene.control.ButtonBase.class).isDisabled());
        robot.interact(() -> robot.lookup(id).queryAs(javafx.scene.control.ButtonBase.class).fire());
    }

    /** Logs in through the login screen once it is shown. */
    static void login(FxRobot robot, String user, String password) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> visible(robot, "#login-submit") && visible(robot, "#login-user"));
        type(robot, "#login-user", user);
        type(robot, "#login-password", password);
        press(robot, "#login-submit");
    }

    @Test
    void firstRunCreatesTheAdminThenAWrongPasswordIsRejected(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> visible(robot, "#login-repeat"));
        Snapshots.save(window.root().getScene(), "admin-first-run");
        type(robot, "#login-user", "boss");
        type(robot, "#login-password", "correct horse");
        type(robot, "#login-repeat", "correct horse");
        press(robot, "#login-submit");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> visible(robot, "#admin"));
        assertThat(robot.lookup("#admin-user").queryAs(Label.class).getText()).contains("boss");

        press(robot, "#admin-logout");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> visible(robot, "#login-submit") && !visible(robot, "#login-repeat"));
        type(robot, "#login-user", "boss");
        type(robot, "#login-password", "wrong horse");
        press(robot, "#login-submit");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#login-error").queryAs(Label.class).getText().contains("Wrong user name or password"));
        assertThat(visible(robot, "#admin")).isFalse();
        Snapshots.save(window.root().getScene(), "admin-login-rejected");

        type(robot, "#login-password", "correct horse");
        press(robot, "#login-submit");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> visible(robot, "#admin"));
        robot.interact(() -> window.adminView().select("Settings"));
        Snapshots.save(window.root().getScene(), "admin-settings");
        // settings are saved to the user file (audited) and read back at the next start
        AdminLoginTest.type(robot, "#settings-camera", "/dev/video2");
        robot.interact(() -> robot.lookup("#settings-liveness").<javafx.scene.control.ChoiceBox<LivenessMode>>query()
                .setValue(LivenessMode.CHALLENGE));
        // the PIN fallback: off for two departments, no face kept as evidence
        AdminLoginTest.type(robot, "#settings-pin-off-departments", "Lab, Warehouse");
        press(robot, "#settings-pin-evidence");
        assertThat(robot.lookup("#settings-pin-evidence-days").query().isDisabled()).isTrue();
        press(robot, "#settings-save");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#settings-status").queryAs(Label.class)
                .getText().startsWith("Saved"));
        java.util.Map<String, String> saved = io.facecheck.config.SettingsLoader.readFile(tmp.resolve("user.properties"));
        assertThat(saved).containsEntry("kiosk.camera", "/dev/video2").containsEntry("checkin.liveness", "challenge")
                .containsEntry("checkin.debounce", "PT5M")
                .containsEntry("pin.off-departments", "Lab,Warehouse").containsEntry("pin.evidence", "false");
        try (AppServices reread = AppServices.open(tmp.resolve("user.properties"),
                LaunchOptions.DEFAULT.withDatabase("jdbc:h2:mem:settings-check"))) {
            assertThat(reread.settings().liveness().mode()).isEqualTo(LivenessMode.CHALLENGE);
            assertThat(reread.configuredCamera()).isEqualTo("/dev/video2");
            assertThat(reread.settings().pin().enabled()).isTrue();
            assertThat(reread.settings().pin().evidence()).isFalse();
            assertThat(reread.settings().pin().offDepartments()).containsExactlyInAnyOrder("Lab", "Warehouse");
            assertThat(reread.settings().pin().allowedFor("Warehouse")).isFalse();
        }
        robot.interact(() -> window.adminView().select("Audit log"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#audit-table").queryTableView().getItems().isEmpty());
        Snapshots.save(window.root().getScene(), "admin-audit");

        assertThat(window.services().audit().recent(50)).extracting(AuditEntry::action)
                .contains("login-failed", "login", "admin-user", "settings", "logout");
    }
}

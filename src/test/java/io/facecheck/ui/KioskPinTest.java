package io.facecheck.ui;

import io.facecheck.store.AuditLog;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.CheckInMethod;
import io.facecheck.store.PinEvidence;
import io.facecheck.ui.kiosk.KioskViewModel;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kiosk's PIN fallback end to end, with the real engine, a real H2 file and the keypad pressed as a finger
 * would: Tony Blair stands at the camera but has no face enrolled (the face fails), so he types his code and PIN.
 * A wrong PIN says how many tries are left; the right one greets him and logs an event with method PIN, kept with
 * the crop of his face as evidence; five wrong PINs lock the code, even against the right PIN, and the lock is
 * audited. A one-time PIN must be replaced by the employee's own before it checks anyone in.
 */
@ExtendWith(ApplicationExtension.class)
class KioskPinTest {
    @TempDir
    static Path tmp;
    private MainWindow window;

    @BeforeAll
    static void feed() throws Exception {
        Path feed = Files.createDirectories(tmp.resolve("feed-TB"));
        for (Path p : KioskRecognitionTest.photos("Tony_Blair").subList(5, 7)) {
            Files.copy(p, feed.resolve(p.getFileName()));
        }
    }

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            WaitForAsyncUtils.asyncFx(() -> window.close()).get(20, TimeUnit.SECONDS);
        }
    }

    private void open(String settingsText) throws Exception {
        Path settings = tmp.resolve("user-" + settingsText.hashCode() + ".properties");
        Files.writeString(settings, settingsText);
        LaunchOptions opts = new LaunchOptions(LaunchOptions.Screen.KIOSK, "dir:" + tmp.resolve("feed-TB"), false,
                "hall", "jdbc:h2:file:" + tmp.resolve("db-" + settingsText.hashCode() + "/facecheck").toAbsolutePath());
        window = new MainWindow(opts, () -> {
            AppServices s = AppServices.open(settings, opts);
            Repos.employees(s).create("TB", "Tony Blair", "Office");
            Repos.employees(s).create("CP", "Colin Powell", "Office");
            Repos.employees(s).create("LB", "Lab Worker", "Lab");
            s.pins().set("TB", "4711".toCharArray(), "admin");
            s.pins().set("LB", "4711".toCharArray(), "admin");
            return s;
        });
        Windows.show(window);
        if (settingsText.contains("pin.enabled=false")) {
            // nothing to check in with: the kiosk screen is enough
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.kiosk() != null && window.services() != null);
            WaitForAsyncUtils.waitForFxEvents();
            return;
        }
        // the station exists once the engine runs on the camera; the face has been seen once a frame was analysed
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> window.kiosk() != null
                && window.services() != null && window.services().loadedEngine() != null
                && window.kiosk().updateCount() >= 2);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void type(FxRobot robot, String digits) {
        for (char c : digits.toCharArray()) {
            robot.clickOn("#pin-key-" + c);
        }
        robot.clickOn("#pin-ok");
    }

    private String message(FxRobot robot) {
        return robot.lookup("#pin-message").queryAs(Label.class).getText();
    }

    /**
     * Opens the keypad afresh (no message), types a code and PIN, and waits for the background check to answer: a
     * message, or the pad closing on a check-in.
     */
    private void enter(FxRobot robot, String code, String pin) throws Exception {
        robot.clickOn("#use-pin");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#pin-prompt").queryAs(Label.class).getText()).isEqualTo("Enter your employee code");
        assertThat(message(robot)).isEmpty();
        // codes have letters: typed on the kiosk's keyboard, as the keypad takes digits only
        robot.write(code);
        robot.clickOn("#pin-ok");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#pin-prompt").queryAs(Label.class).getText()).isEqualTo("Enter your PIN");
        type(robot, pin);
        assertThat(robot.lookup("#pin-display").queryAs(Label.class).getText()).isEmpty(); // no digit left shown
        Region pad = robot.lookup("#pin-pad").queryAs(Region.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !message(robot).isEmpty() || !pad.isVisible());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void wrongPinThenRightPinLogsAPinEventWithEvidenceAndFiveWrongPinsLockTheCode(FxRobot robot) throws Exception {
        open("checkin.kiosk-id=hall\n");
        KioskViewModel k = window.kiosk();
        AppServices services = window.services();
        // no face enrolled: the kiosk does not know him
        assertThat(Repos.events(services).all()).isEmpty();

        // a wrong PIN: told how many tries are left, asked for the PIN again
        enter(robot, "TB", "1234");
        assertThat(message(robot)).isEqualTo("Wrong code or PIN. 4 tries left before the code is locked.");
        assertThat(Repos.events(services).all()).isEmpty();
        // the right PIN: greeted as a face is, the pad closes, one event with method PIN and the face as evidence
        enter(robot, "TB", "4711");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> k.greetingCount() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#pin-pad").queryAs(Region.class).isVisible()).isFalse();
        assertThat(robot.lookup("#banner").queryAs(Label.class).getText())
                .matches("Good (morning|afternoon|evening), Tony Blair");
        Snapshots.save(window.root().getScene(), "kiosk-pin-welcome");
        List<CheckInEvent> events = Repos.events(services).all();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("TB");
            assertThat(e.method()).isEqualTo(CheckInMethod.PIN);
            assertThat(e.kioskId()).isEqualTo("hall");
            assertThat(e.distance()).isNull();
        });
        assertThat(new PinEvidence(services.backend().database()).of(events.get(0).id()))
                .as("the crop of the face in view when the PIN was typed").isPresent();

        // five wrong PINs: four say how many are left, the fifth locks the code
        for (int i = 4; i >= 1; i--) {
            enter(robot, "TB", "0000");
            assertThat(message(robot)).isEqualTo("Wrong code or PIN. " + i + " tries left before the code is locked.");
        }
        enter(robot, "TB", "0000");
        assertThat(message(robot)).matches("Too many wrong PINs: code TB is locked until \\d\\d:\\d\\d\\. "
                + "Please see an administrator\\.");
        Snapshots.save(window.root().getScene(), "kiosk-pin-locked");
        // locked: even the right PIN is refused, and nothing is logged
        enter(robot, "TB", "4711");
        assertThat(message(robot)).startsWith("Too many wrong PINs: code TB is locked until");
        assertThat(Repos.events(services).all()).hasSize(1);
        assertThat(services.audit().recent(50)).filteredOn(a -> a.action().equals(AuditLog.LOCKOUT))
                .singleElement().satisfies(a -> {
                    assertThat(a.target()).isEqualTo("TB");
                    assertThat(a.actor()).isEqualTo("hall");
                });
        assertThat(k.greetingCount()).isEqualTo(1);

        // a one-time PIN checks nobody in until the employee has chosen their own
        String once = services.pins().issue("CP", "admin");
        enter(robot, "CP", once);
        assertThat(message(robot)).isEqualTo("This was a one-time PIN. Please choose your own PIN now.");
        assertThat(robot.lookup("#pin-prompt").queryAs(Label.class).getText())
                .isEqualTo("Choose your own PIN (4 to 8 digits)");
        assertThat(Repos.events(services).all()).hasSize(1);
        type(robot, "2580");
        assertThat(robot.lookup("#pin-prompt").queryAs(Label.class).getText()).isEqualTo("Enter your new PIN again");
        type(robot, "2580");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> k.greetingCount() == 2);
        assertThat(Repos.events(services).all()).filteredOn(e -> e.code().equals("CP"))
                .singleElement().extracting(CheckInEvent::method).isEqualTo(CheckInMethod.PIN);
        assertThat(services.pins().verify("CP", once.toCharArray(), "hall").verdict())
                .isEqualTo(io.facecheck.app.PinService.Verdict.WRONG);
    }

    @Test
    void offForADepartmentAndWithoutEvidence(FxRobot robot) throws Exception {
        open("pin.off-departments=Lab\npin.evidence=false\n");
        AppServices services = window.services();
        enter(robot, "LB", "4711");
        assertThat(message(robot)).isEqualTo("PIN check-in is not available for you. Please see an administrator.");
        enter(robot, "TB", "4711");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.kiosk().greetingCount() == 1);
        CheckInEvent e = Repos.events(services).all().stream().filter(x -> x.code().equals("TB")).findFirst().orElseThrow();
        assertThat(e.method()).isEqualTo(CheckInMethod.PIN);
        assertThat(new PinEvidence(services.backend().database()).of(e.id())).as("pin.evidence=false keeps no face").isEmpty();
        assertThat(Repos.events(services).all()).extracting(CheckInEvent::code).containsExactly("TB");
    }

    @Test
    void withTheFallbackOffTheKioskOffersNoPin(FxRobot robot) throws Exception {
        open("pin.enabled=false\n");
        assertThat(robot.lookup("#kiosk").tryQuery()).isPresent();
        assertThat(robot.lookup("#use-pin").tryQuery()).isEmpty();
        assertThat(robot.lookup("#pin-pad").tryQuery()).isEmpty();
    }
}

package io.facecheck.ui;

import io.facecheck.config.Messages;
import io.facecheck.ui.kiosk.FrameAnalyzer;
import io.facecheck.ui.kiosk.KioskView;
import io.facecheck.ui.kiosk.KioskViewModel;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kiosk changes language while it shows, without being rebuilt: switching {@link Messages}' language (as the
 * admin does) re-renders the offline banner, the hint, the header's date and the buttons, also when the switch
 * comes from a thread that is not the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
class KioskLanguageSwitchTest {
    private final Locale before = Messages.locale();
    private KioskViewModel vm;

    @Start
    void start(Stage stage) {
        Messages.setLocale(Locale.ENGLISH);
        // Monday 2 March 2026, 08:05 in Shanghai
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T00:05:00Z"), ZoneId.of("Asia/Shanghai"));
        vm = new KioskViewModel(() -> FrameAnalyzer.PREVIEW_ONLY, clock);
        vm.onCheckInProperty().set(null);
        Scene scene = new Scene(new KioskView(vm, () -> { }), 1280, 720);
        scene.getStylesheets().add(FaceCheckApp.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            vm.close();
            Messages.setLocale(before);
        }).get(10, TimeUnit.SECONDS);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void switchingTheLanguageRerendersWhatTheKioskShows(FxRobot robot) throws Exception {
        robot.interact(() -> vm.showConnection(false, 3));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#offline-banner")).isEqualTo("Offline — 3 check-ins waiting");
        assertThat(text(robot, "#kiosk-clock")).isEqualTo("Monday 2 March 2026  08:05:00");
        assertThat(robot.lookup(".kiosk-hint").queryAs(Label.class).getText()).isEqualTo("Look at the camera to check in");

        robot.interact(() -> Messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        assertThat(text(robot, "#offline-banner")).isEqualTo("网络已断开 — 3 条打卡记录待上传");
        assertThat(text(robot, "#kiosk-clock")).isEqualTo("2026年3月2日 星期一  08:05:00");
        assertThat(robot.lookup(".kiosk-hint").queryAs(Label.class).getText()).isEqualTo("请看向摄像头打卡");
        assertThat(robot.lookup("#open-admin").queryAs(Button.class).getText()).isEqualTo("管理");

        // from a background thread, as a settings screen's task might: the screen changes on the FX thread
        Thread t = new Thread(() -> Messages.setLocale(Locale.JAPANESE));
        t.start();
        t.join();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#offline-banner")).isEqualTo("オフライン — 未送信の打刻 3 件");
        assertThat(text(robot, "#kiosk-clock")).isEqualTo("2026年3月2日(月)  08:05:00");
        Snapshots.save(robot.lookup("#kiosk").query().getScene(), "kiosk-offline-ja");

        // a banner that changes after the switch is in the new language too
        robot.interact(() -> vm.showConnection(true, 1));
        assertThat(text(robot, "#offline-banner")).isEqualTo("オンラインに復帰 — 打刻 1 件を送信中");
    }
}

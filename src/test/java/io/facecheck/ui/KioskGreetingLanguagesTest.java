package io.facecheck.ui;

import io.facecheck.attendance.EnrollmentService;
import io.facecheck.config.Messages;
import io.facecheck.store.CheckInEvent;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kiosk greets in Chinese and in Japanese, end to end: the real engine and models, a real H2 file, an image
 * folder as the camera, the language from {@code ui.language} in the settings file, and the kiosk's clock put at
 * 08:30 on Monday 2 March 2026 in the configured zone so that the greeting's time of day is known. 王芳 has no
 * greeting name (greeted by her full name); 山田太郎 asked to be greeted as 山田, and the Japanese greeting adds さん.
 */
@ExtendWith(ApplicationExtension.class)
class KioskGreetingLanguagesTest {
    @TempDir
    Path tmp;
    private final Locale before = Messages.locale();
    private MainWindow window;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            WaitForAsyncUtils.asyncFx(() -> window.close()).get(20, TimeUnit.SECONDS);
        }
        WaitForAsyncUtils.asyncFx(() -> Messages.setLocale(before)).get(10, TimeUnit.SECONDS);
    }

    /** A clock that runs, starting now at {@code local} in {@code zone}. */
    private static Clock at(LocalDateTime local, ZoneId zone) {
        Instant target = local.atZone(zone).toInstant();
        return Clock.offset(Clock.system(zone), Duration.between(Instant.now(), target));
    }

    /**
     * Opens the kiosk on photos 6–10 of {@code person}, who is enrolled (photos 1–5) as {@code name} with
     * {@code greetingName}; Tony Blair is enrolled too, so that the match is a real choice.
     */
    private void open(String language, String zone, String person, String code, String name, String greetingName)
            throws Exception {
        Path feed = Files.createDirectories(tmp.resolve("feed"));
        for (Path f : KioskRecognitionTest.photos(person).subList(5, 10)) {
            Files.copy(f, feed.resolve(f.getFileName()));
        }
        Path settings = tmp.resolve("user.properties");
        Files.writeString(settings, "ui.language=" + language + "\ncheckin.zone=" + zone + "\n");
        LaunchOptions opts = new LaunchOptions(LaunchOptions.Screen.KIOSK, "dir:" + feed, false, "lobby",
                "jdbc:h2:file:" + tmp.resolve("db/facecheck").toAbsolutePath());
        window = new MainWindow(opts, () -> {
            AppServices s = AppServices.open(settings, opts);
            try {
                KioskRecognitionTest.enroll(s, "TB", "Tony_Blair");
                EnrollmentService.Result r = s.engine().enrollment().enroll(code, name, null,
                        KioskRecognitionTest.photos(person).subList(0, 5), EnrollmentService.Options.defaults("test"));
                assertThat(r.enrolled()).as("enrolled %s: %s", name, r).isTrue();
                if (greetingName != null) {
                    Repos.employees(s).updateNames(code, greetingName, null);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return s;
        }, at(LocalDateTime.of(2026, 3, 2, 8, 30), ZoneId.of(zone)));
        Windows.show(window);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> window.kiosk() != null && window.kiosk().greetingCount() > 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void wangFangIsGreetedGoodMorningInChinese(FxRobot robot) throws Exception {
        open("zh-CN", "Asia/Shanghai", "Colin_Powell", "CN01", "王芳", null);
        assertThat(Messages.locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(text(robot, "#banner")).isEqualTo("早上好，王芳");
        assertThat(text(robot, "#banner-recorded")).matches("上班打卡成功 08:3\\d");
        assertThat(text(robot, "#kiosk-clock")).startsWith("2026年3月2日 星期一  08:3");
        assertThat(robot.lookup(".kiosk-title").queryAs(Label.class).getText()).isEqualTo("FaceCheck");
        Snapshots.save(window.root().getScene(), "kiosk-welcome-zh-CN");
        List<CheckInEvent> events = Repos.events(window.services()).all();
        assertThat(events).extracting(CheckInEvent::code).containsExactly("CN01");
        assertThat(events.get(0).name()).isEqualTo("王芳");
    }

    @Test
    void yamadaTaroIsGreetedByFamilyNameWithSanInJapanese(FxRobot robot) throws Exception {
        open("ja", "Asia/Tokyo", "Gerhard_Schroeder", "JP01", "山田太郎", "山田");
        assertThat(Messages.locale()).isEqualTo(Locale.JAPANESE);
        assertThat(text(robot, "#banner")).isEqualTo("おはようございます、山田さん");
        assertThat(text(robot, "#banner-recorded")).matches("08:3\\d 出勤を記録しました");
        assertThat(text(robot, "#kiosk-clock")).startsWith("2026年3月2日(月)  08:3");
        Snapshots.save(window.root().getScene(), "kiosk-welcome-ja");
        // the event keeps the full name; only the greeting uses the greeting name
        assertThat(Repos.events(window.services()).all()).extracting(CheckInEvent::name).containsExactly("山田太郎");
    }
}

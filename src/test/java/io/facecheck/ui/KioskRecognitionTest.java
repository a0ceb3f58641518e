package io.facecheck.ui;

import io.facecheck.attendance.EnrollmentService;
import io.facecheck.store.CheckInEvent;
import io.facecheck.ui.kiosk.KioskViewModel;
import javafx.scene.control.Label;
import javafx.stage.Stage;
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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kiosk end to end on the real engine, real models and a real H2 file database: an enrolled lfw10 person
 * in front of the camera (an image-folder source of photos not used for enrollment) is greeted by name and
 * logged exactly once; a person who is not enrolled is never logged.
 */
@ExtendWith(ApplicationExtension.class)
class KioskRecognitionTest {
    static final Path LFW = Path.of("src/test/resources/lfw10");
    @TempDir
    static Path tmp;
    private MainWindow window;

    static List<Path> photos(String person) throws Exception {
        try (Stream<Path> s = Files.list(LFW.resolve(person))) {
            return s.sorted().toList();
        }
    }

    @BeforeAll
    static void settings() throws Exception {
        // photos 6–9 of Tony Blair: the anti-spoofing model scores these press photos as spoofs (0.99 > 0.2)
        Path printed = Files.createDirectories(tmp.resolve("feed-printed"));
        for (Path f : photos("Tony_Blair").subList(5, 9)) {
            Files.copy(f, printed.resolve(f.getFileName()));
        }
        Files.writeString(tmp.resolve("liveness.properties"), "checkin.liveness=true\n");
        // someone standing far away: a photo shrunk to 60 % on a larger frame (face about 60 px, below the
        // quality gate's engine.min-face=64)
        Path small = Files.createDirectories(tmp.resolve("feed-small"));
        java.awt.image.BufferedImage src = javax.imageio.ImageIO.read(photos("Tony_Blair").get(5).toFile());
        java.awt.image.BufferedImage far = new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = far.createGraphics();
        g.setColor(new java.awt.Color(90, 90, 90));
        g.fillRect(0, 0, 640, 480);
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 245, 165, 150, 150, null);
        g.dispose();
        javax.imageio.ImageIO.write(far, "png", small.resolve("far.png").toFile());
        for (String p : List.of("Tony_Blair", "Hugo_Chavez")) {
            Path feed = Files.createDirectories(tmp.resolve("feed-" + p));
            for (Path f : photos(p).subList(5, 10)) {
                Files.copy(f, feed.resolve(f.getFileName()));
            }
        }
    }

    /** Enrolls photos 1–5 of a person through the app's enrollment service (default engine). */
    static void enroll(AppServices s, String code, String person) throws Exception {
        EnrollmentService.Result r = s.engine().enrollment().enroll(code, person.replace('_', ' '), "Lab",
                photos(person).subList(0, 5), EnrollmentService.Options.defaults("test"));
        assertThat(r.enrolled()).as("enrolled %s: %s", person, r).isTrue();
    }

    void open(Stage stage, String feed) throws Exception {
        open(feed, tmp.resolve("user.properties"));
    }

    void open(String feed, Path userSettings) throws Exception {
        LaunchOptions opts = new LaunchOptions(LaunchOptions.Screen.KIOSK, "dir:" + tmp.resolve(feed), false, "hall",
                "jdbc:h2:file:" + tmp.resolve("db-" + feed + "/facecheck").toAbsolutePath());
        window = new MainWindow(opts, () -> {
            AppServices s = AppServices.open(userSettings, opts);
            try {
                enroll(s, "TB", "Tony_Blair");
                enroll(s, "CP", "Colin_Powell");
                enroll(s, "GS", "Gerhard_Schroeder");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return s;
        });
        Windows.show(window);
    }

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            WaitForAsyncUtils.asyncFx(() -> window.close()).get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void enrolledPersonIsGreetedAndLoggedExactlyOnce(FxRobot robot) throws Exception {
        open(null, "feed-Tony_Blair");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> window.kiosk() != null && window.kiosk().greetingCount() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        String banner = robot.lookup("#banner").queryAs(Label.class).getText();
        assertThat(banner).matches("Good (morning|afternoon|evening), Tony Blair");
        assertThat(robot.lookup("#banner-recorded").queryAs(Label.class).getText()).matches("Checked in at \\d\\d:\\d\\d");
        Snapshots.save(window.root().getScene(), "kiosk-welcome");

        KioskViewModel k = window.kiosk();
        int n = window.services().settings().checkIn().n();
        long seen = k.updateCount();
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> k.updateCount() >= seen + 2L * n);
        List<CheckInEvent> events = Repos.events(window.services()).all();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).code()).isEqualTo("TB");
        assertThat(events.get(0).kioskId()).isEqualTo("hall");
        assertThat(events.get(0).distance()).isNotNull();
        assertThat(k.greetingCount()).isEqualTo(1);
    }

    @Test
    void personNotEnrolledIsNeverLogged(FxRobot robot) throws Exception {
        open(null, "feed-Hugo_Chavez");
        int n = window.services() == null ? 5 : window.services().settings().checkIn().n();
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> window.kiosk() != null && window.kiosk().updateCount() >= 3L * n);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Repos.events(window.services()).all()).isEmpty();
        assertThat(window.kiosk().greetingCount()).isZero();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#banner").queryAs(Label.class).getText()
                .equals("Not recognised — please see an administrator"));
        Snapshots.save(window.root().getScene(), "kiosk-unknown");
    }

    @Test
    void livenessFailureAsksToLookAtTheCameraAndLogsNothing(FxRobot robot) throws Exception {
        open("feed-printed", tmp.resolve("liveness.properties"));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> window.kiosk() != null && window.kiosk().updateCount() >= 3L * 5);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#banner").queryAs(Label.class).getText()
                .equals("Please look at the camera"));
        assertThat(window.services().settings().checkIn().liveness()).isTrue();
        assertThat(Repos.events(window.services()).all()).isEmpty();
        assertThat(window.kiosk().greetingCount()).isZero();
    }

    @Test
    void aFaceTooSmallGetsComeCloser(FxRobot robot) throws Exception {
        open(null, "feed-small");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> robot.lookup("#banner").tryQuery()
                .map(n -> ((Label) n).getText().equals("Come closer")).orElse(false));
        Snapshots.save(window.root().getScene(), "kiosk-come-closer");
        assertThat(Repos.events(window.services()).all()).isEmpty();
    }
}

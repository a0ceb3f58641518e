package io.facecheck.ui;

import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Database;
import io.facecheck.store.EventRepository;
import io.facecheck.store.PgServer;
import io.facecheck.ui.kiosk.KioskViewModel;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kiosk window on a real PostgreSQL server that goes away, with the real engine and real lfw10 photos: started
 * while the server is down and nothing is cached, the screen names the server (never the password) and keeps trying
 * until it answers; when the server goes down later, the next person is still greeted, the check-in waits in the
 * kiosk's journal under an "Offline — 1 check-in waiting" banner, and once the server is back the banner goes and
 * the event is on the server exactly once.
 */
@ExtendWith(ApplicationExtension.class)
class KioskOfflineTest {
    @TempDir
    static Path tmp;
    private static PgServer server;
    private MainWindow window;

    @BeforeAll
    static void startServer() throws Exception {
        server = PgServer.start(0); // our own: this test stops and restarts it
        // nobody in front of the camera: one grey frame
        Path empty = Files.createDirectories(tmp.resolve("feed-empty"));
        BufferedImage grey = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = grey.createGraphics();
        g.setColor(new java.awt.Color(90, 90, 90));
        g.fillRect(0, 0, 640, 480);
        g.dispose();
        javax.imageio.ImageIO.write(grey, "png", empty.resolve("grey.png").toFile());
        // Tony Blair: photos 6–10, not used for enrollment (a folder is played in a loop)
        Path feed = Files.createDirectories(tmp.resolve("feed-TB"));
        for (Path p : KioskRecognitionTest.photos("Tony_Blair").subList(5, 10)) {
            Files.copy(p, feed.resolve(p.getFileName()));
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void close() throws Exception {
        server.restart();
        if (window != null) {
            WaitForAsyncUtils.asyncFx(() -> window.close()).get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void kioskStartedWithTheServerDownSaysSoAndRetriesThenKeepsCheckingInOfflineAndUploadsOnceWhenItIsBack(
            FxRobot robot) throws Exception {
        String url = server.newDatabase();
        Path settings = tmp.resolve("user.properties");
        Files.writeString(settings, "database.user=" + PgServer.USER + "\n"
                + "database.password=" + server.password() + "\n"
                + "kiosk.offline-store=" + tmp.resolve("offline/kiosk-offline").toAbsolutePath() + "\n");
        LaunchOptions opts = new LaunchOptions(LaunchOptions.Screen.KIOSK, "dir:" + tmp.resolve("feed-empty"), false,
                "hall", url);

        // 1. the server is down and this kiosk has never seen it: no gallery to work from
        server.stop();
        window = new MainWindow(opts, () -> AppServices.open(settings, opts));
        Windows.show(window);
        String serverName = "127.0.0.1:" + server.port();
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> window.kiosk() != null
                && window.kiosk().errorProperty().get().contains(serverName));
        WaitForAsyncUtils.waitForFxEvents();
        String error = robot.lookup("#kiosk-error").queryAs(Label.class).getText();
        assertThat(error).contains("cannot reach PostgreSQL server " + serverName, "no cached gallery",
                "Trying again every 10 s").doesNotContain(server.password());
        Snapshots.save(window.root().getScene(), "kiosk-server-down-no-cache");
        // the admin screens need the server: the login says why it cannot go on
        robot.clickOn("#open-admin");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#login-error").tryQuery()
                .map(n -> ((Label) n).getText().contains("cannot reach PostgreSQL server " + serverName))
                .orElse(false));
        robot.clickOn("#login-back");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#kiosk").tryQuery().isPresent());

        // 2. the server comes back: the kiosk loads by itself (within a retry) and caches the gallery
        server.restart();
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> window.services().loadedEngine() != null
                && window.kiosk().errorProperty().get().isEmpty());
        AppServices services = window.services();
        assertThat(services.offline()).isPresent();
        KioskRecognitionTest.enroll(services, "TB", "Tony_Blair");
        Repos.employees(services).updateNames("TB", "Tony", null); // greeted as Tony, offline too
        services.engine().gallery().poll(); // what the gallery sync does every 2 s: the enrollment into the cache

        // 3. the server goes away while the kiosk runs; Tony Blair walks up
        server.stop();
        KioskViewModel k = window.kiosk();
        WaitForAsyncUtils.asyncFx(() -> k.useCamera("dir:" + tmp.resolve("feed-TB"))).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> k.greetingCount() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        // the greeting name came from the kiosk's gallery cache: the server is down
        assertThat(robot.lookup("#banner").queryAs(Label.class).getText()).matches("Good (morning|afternoon|evening), Tony");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> k.offlineProperty().get()
                .equals("Offline — 1 check-in waiting"));
        WaitForAsyncUtils.waitForFxEvents();
        Label offline = robot.lookup("#offline-banner").queryAs(Label.class);
        assertThat(offline.isVisible()).isTrue();
        assertThat(offline.getText()).isEqualTo("Offline — 1 check-in waiting");
        assertThat(services.pendingCheckIns()).isEqualTo(1);
        Snapshots.save(window.root().getScene(), "kiosk-offline");

        // 4. the server is back: the journal is uploaded by itself and the banner goes
        server.restart();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> k.offlineProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#offline-banner").queryAs(Label.class).isVisible()).isFalse();
        assertThat(services.pendingCheckIns()).isZero();
        assertThat(k.greetingCount()).isEqualTo(1);
        try (Database admin = server.open(url)) {
            List<CheckInEvent> events = new EventRepository(admin).all();
            assertThat(events).hasSize(1);
            assertThat(events.get(0).code()).isEqualTo("TB");
            assertThat(events.get(0).kioskId()).isEqualTo("hall");
            assertThat(events.get(0).pending()).isFalse();
        }
    }
}

package io.facecheck.ui;

import io.facecheck.app.WebhookDispatcher;
import io.facecheck.app.WebhookReceiver;
import io.facecheck.app.WebhookService;
import io.facecheck.attendance.CheckInRecorder;
import io.facecheck.attendance.Decision;
import io.facecheck.config.Messages;
import io.facecheck.store.Database;
import io.facecheck.store.Direction;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.ui.admin.WebhooksView;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's "Webhooks" page on a real H2 file, with a real receiver that is down: the failure shows (waiting,
 * failing, last error, next try); once the receiver is back, "Retry failing now" makes the event due and the real
 * dispatcher delivers it.
 */
@ExtendWith(ApplicationExtension.class)
class WebhooksViewTest {
    private static final byte[] SECRET = "a-payroll-systems-shared-secret-0123".getBytes(StandardCharsets.UTF_8);
    @TempDir
    static Path tmp;
    private static Database db;
    private static WebhookReceiver receiver;
    private WebhooksView view;

    @BeforeAll
    static void inEnglish() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Start
    void start(Stage stage) throws Exception {
        db = Database.open("jdbc:h2:file:" + tmp.resolve("fc").toAbsolutePath());
        receiver = new WebhookReceiver(SECRET, 0).down();
        new EmployeeRepository(db).create("A", "Ann", null);
        WebhookService service = new WebhookService(db);
        service.add(receiver.url(), "checkin", Files.write(tmp.resolve("secret"), SECRET), "admin");
        new CheckInRecorder(db, "hall", ZoneId.of("UTC"), Duration.ofMinutes(1)).record(new Decision(
                Decision.Kind.CHECK_IN, "A", Direction.IN, Instant.parse("2026-03-02T08:00:00Z"), 0.3, null, 3, null,
                false)).orElseThrow();
        assertThat(new WebhookDispatcher(db).deliverDue(Duration.ofSeconds(10)).failed()).isEqualTo(1);
        view = new WebhooksView(service, ZoneId.of("UTC"), Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "webhooks-view-test");
            t.setDaemon(true);
            return t;
        }));
        stage.setScene(new Scene(view, 1200, 400));
        stage.show();
        view.reload();
    }

    @AfterAll
    static void close() {
        Messages.setLocale(Locale.ENGLISH);
        if (receiver != null) {
            receiver.close();
        }
        if (db != null) {
            db.close();
        }
    }

    /** Waits for {@code condition}, failing with what the page's status line says. */
    private static void waitFor(FxRobot robot, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out; the page says: " + robot.lookup("#webhooks .hint-text")
                    .queryAs(javafx.scene.control.Label.class).getText(), e);
        }
    }

    @Test
    void showsTheFailingWebhookAndRetriesItOnceTheReceiverIsBack(FxRobot robot) throws Exception {
        waitFor(robot, () -> view.rows().size() == 1);
        TableView<?> table = robot.lookup("#webhooks-table").queryAs(TableView.class);
        assertThat(table.getColumns().get(1).getCellData(0)).isEqualTo(receiver.url());
        assertThat(table.getColumns().get(3).getCellData(0)).as("waiting").isEqualTo("1");
        assertThat(table.getColumns().get(4).getCellData(0)).as("failing").isEqualTo("1");
        assertThat((String) table.getColumns().get(7).getCellData(0)).startsWith("HTTP 503");
        assertThat((String) table.getColumns().get(8).getCellData(0)).as("next try").isNotEmpty();
        assertThat(robot.lookup("1 webhook: 1 events waiting, 1 failing").tryQuery()).isPresent();

        receiver.up();
        robot.clickOn("#webhooks-retry");
        waitFor(robot, () -> robot.lookup("1 failing event is being retried now").tryQuery().isPresent());
        assertThat(new WebhookDispatcher(db).deliverDue(Duration.ofSeconds(10)).delivered()).isEqualTo(1);
        assertThat(receiver.accepted()).hasSize(1);
        robot.clickOn("#webhooks-refresh");
        waitFor(robot, () -> view.rows().get(0).delivered() == 1);
        assertThat(table.getColumns().get(3).getCellData(0)).isEqualTo("0");

        Platform.runLater(() -> Messages.setLocale(Locale.JAPANESE));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getColumns().get(3).getText()).isEqualTo("送信待ち");
        assertThat(robot.lookup("失敗分を今すぐ再送").tryQuery()).isPresent();
    }
}

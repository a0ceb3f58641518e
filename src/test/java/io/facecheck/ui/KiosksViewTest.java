package io.facecheck.ui;

import io.facecheck.store.Database;
import io.facecheck.store.KioskRegistry;
import io.facecheck.ui.admin.KiosksView;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin's "Kiosks" page on a real H2 file database that two kiosks have written heartbeats to. */
@ExtendWith(ApplicationExtension.class)
class KiosksViewTest {
    @TempDir
    static Path tmp;
    private static Database db;
    private KiosksView view;

    @org.junit.jupiter.api.BeforeAll
    static void inEnglish() {
        // these tests read the screens' English words
        io.facecheck.config.Messages.setLocale(java.util.Locale.ENGLISH);
    }

    @Start
    void start(Stage stage) {
        db = Database.open("jdbc:h2:file:" + tmp.resolve("fc").toAbsolutePath());
        KioskRegistry registry = new KioskRegistry(db);
        registry.beat("hall", "0.1.0", 0, Instant.now());
        registry.beat("warehouse", "0.1.0", 3, Instant.now());
        view = new KiosksView(new io.facecheck.app.KioskService(db), ZoneId.of("UTC"), Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kiosks-view-test");
            t.setDaemon(true);
            return t;
        }));
        stage.setScene(new Scene(view, 800, 400));
        stage.show();
        view.reload();
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void listsEveryKioskWithItsStateAndWaitingCheckIns(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.rows().size() == 2);
        assertThat(view.rows()).extracting(KioskRegistry.Kiosk::id).containsExactly("hall", "warehouse");
        TableView<?> table = robot.lookup("#kiosks-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(2);
        assertThat(table.getColumns().get(1).getCellData(0)).isEqualTo("online");
        assertThat(table.getColumns().get(4).getCellData(1)).isEqualTo("3");
        assertThat(robot.lookup("2 kiosks, 2 online").tryQuery()).isPresent();
    }
}

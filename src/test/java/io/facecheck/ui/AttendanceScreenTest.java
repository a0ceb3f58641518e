package io.facecheck.ui;

import io.facecheck.attendance.CsvReports;
import io.facecheck.attendance.DaySummary;
import io.facecheck.store.Direction;
import io.facecheck.store.Employee;
import io.facecheck.store.EventRepository;
import io.facecheck.ui.admin.AttendanceView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
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
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Attendance tab on a real H2 file database: per-day summary, audited correction, CSV export. */
@ExtendWith(ApplicationExtension.class)
class AttendanceScreenTest {
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
        LaunchOptions opts = new LaunchOptions(LaunchOptions.Screen.ADMIN, "dir:" + tmp, false, "test",
                "jdbc:h2:file:" + tmp.resolve("db/facecheck").toAbsolutePath());
        window = new MainWindow(opts, () -> {
            AppServices s = AppServices.open(tmp.resolve("user.properties"), opts);
            s.admins().add("clerk", "payroll-2026".toCharArray(), "setup");
            Employee e = Repos.employees(s).create("E042", "Zoë Müller-李", "Finance");
            ZoneId z = s.settings().checkIn().zone();
            LocalDate d = LocalDate.now(z);
            Repos.events(s).insert(EventRepository.NewEvent.kiosk(e.id(), d.atTime(8, 59).atZone(z).toInstant(), z,
                    Direction.IN, 0.42, null, "test"));
            Repos.events(s).insert(EventRepository.NewEvent.kiosk(e.id(), d.atTime(12, 5).atZone(z).toInstant(), z,
                    Direction.IN, 0.40, null, "test"));
            return s;
        });
        AdminLoginTest.show(stage, window);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.close()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void summaryCorrectionAndCsvExport(FxRobot robot) throws Exception {
        AdminLoginTest.login(robot, "clerk", "payroll-2026");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> AdminLoginTest.visible(robot, "#admin"));
        robot.interact(() -> window.adminView().select("Attendance"));
        AttendanceView view = robot.lookup("#attendance").queryAs(AttendanceView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.summaryTable().getItems().size() == 1);
        DaySummary day = view.summaryTable().getItems().get(0);
        assertThat(day.firstIn()).isEqualTo(LocalTime.of(8, 59));
        assertThat(day.missingCheckout()).isTrue();
        assertThat(view.eventTable().getItems()).hasSize(2);

        // the second IN was really the checkout: correct it, with a reason
        var ev = view.eventTable().getItems().get(1);
        var vm = window.adminView().attendance();
        robot.interact(() -> vm.correct(ev, LocalDate.now(vm.zone()), LocalTime.of(17, 30), Direction.OUT, "forgot to check out"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.summaryTable().getItems().isEmpty()
                && LocalTime.of(17, 30).equals(view.summaryTable().getItems().get(0).lastOut()));
        Snapshots.save(window.root().getScene(), "admin-attendance");

        Path csv = tmp.resolve("out/summary.csv");
        Files.createDirectories(csv.getParent());
        robot.interact(() -> vm.export(csv, true));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(csv)
                && window.adminView().attendance().statusProperty().get().startsWith("Exported"));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0).replace("\uFEFF", "")).isEqualTo(String.join(",", CsvReports.SUMMARY_COLUMNS));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("E042,Zoë Müller-李,Finance," + LocalDate.now(vm.zone()) + ",08:59")
                .contains("17:30");
        assertThat(window.services().audit().recent(20)).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("export");
            assertThat(a.actor()).isEqualTo("clerk");
        });
        assertThat(window.services().audit().recent(20)).anySatisfy(a -> assertThat(a.action()).isEqualTo("correction"));
    }
}

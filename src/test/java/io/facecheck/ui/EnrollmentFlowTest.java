package io.facecheck.ui;

import io.facecheck.store.AuditEntry;
import io.facecheck.ui.admin.EmployeeItem;
import io.facecheck.ui.admin.EnrollmentViewModel;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator enrolls a colleague from photo files in the wizard (real engine, real H2 file
 * database); the duplicate warning stops a second enrollment of the same face; back at the kiosk the new
 * employee is greeted by name.
 */
@ExtendWith(ApplicationExtension.class)
class EnrollmentFlowTest {
    @TempDir
    static Path tmp;
    private MainWindow window;

    @org.junit.jupiter.api.BeforeAll
    static void inEnglish() {
        // these tests read the screens' English words
        io.facecheck.config.Messages.setLocale(java.util.Locale.ENGLISH);
    }

    @Start
    void start(Stage stage) throws Exception {
        Path feed = Files.createDirectories(tmp.resolve("feed"));
        for (Path f : KioskRecognitionTest.photos("Jacques_Chirac").subList(5, 10)) {
            Files.copy(f, feed.resolve(f.getFileName()));
        }
        LaunchOptions opts = new LaunchOptions(LaunchOptions.Screen.ADMIN, "dir:" + feed, false, "door",
                "jdbc:h2:file:" + tmp.resolve("db/facecheck").toAbsolutePath());
        window = new MainWindow(opts, () -> {
            AppServices s = AppServices.open(tmp.resolve("user.properties"), opts);
            s.admins().add("hr", "enrol-them-all".toCharArray(), "setup");
            return s;
        });
        AdminLoginTest.show(stage, window);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.close()).get(20, TimeUnit.SECONDS);
    }

    @Test
    void enrollFromFilesThenRecognisedAtTheKiosk(FxRobot robot) throws Exception {
        AdminLoginTest.login(robot, "hr", "enrol-them-all");
        AdminLoginTest.press(robot, "#enroll-new");
        AdminLoginTest.type(robot, "#enroll-code", "JC");
        AdminLoginTest.type(robot, "#enroll-name", "Jacques Chirac");
        AdminLoginTest.type(robot, "#enroll-department", "Élysée");
        EnrollmentViewModel vm = window.lastEnrollment();
        List<Path> photos = KioskRecognitionTest.photos("Jacques_Chirac").subList(0, 5);
        robot.interact(() -> vm.addFiles(photos));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> vm.samples().size() == 5 && !vm.busyProperty().get());
        assertThat(vm.goodSamples().get()).isGreaterThanOrEqualTo(4);
        // one more from the live camera (the admin screens open the configured camera: a folder here)
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.cameraProperty().get() != null
                && vm.cameraProperty().get().latest() != null);
        AdminLoginTest.press(robot, "#enroll-capture");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.samples().size() == 6 && !vm.busyProperty().get());
        assertThat(vm.samples().get(5).source()).isEqualTo("camera 1");
        assertThat(vm.samples().get(5).file()).isNull();
        Snapshots.save(window.root().getScene(), "admin-enrollment");
        AdminLoginTest.press(robot, "#enroll-save");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.statusProperty().get().startsWith("Enrolled"));
        assertThat(vm.statusProperty().get()).contains("Jacques Chirac (JC)");

        AdminLoginTest.press(robot, "#enroll-close");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> AdminLoginTest.visible(robot, "#employee-table"));
        @SuppressWarnings("unchecked")
        TableView<EmployeeItem> table = robot.lookup("#employee-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().stream().anyMatch(e -> e.code().equals("JC")));
        EmployeeItem jc = table.getItems().stream().filter(e -> e.code().equals("JC")).findFirst().orElseThrow();
        assertThat(jc.templates()).isEqualTo(vm.goodSamples().get());
        assertThat(jc.department()).isEqualTo("Élysée");
        Snapshots.save(window.root().getScene(), "admin-employees");

        // settings: the calibration readout measures the enrolled gallery
        robot.interact(() -> window.adminView().select("Settings"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#settings-calibration").queryAs(Label.class)
                .getText().startsWith("Calibration needs at least 2 enrolled people (1 now)"));
        robot.interact(() -> window.adminView().select("Employees"));

        // the same face under another code is refused with a warning naming the first
        AdminLoginTest.press(robot, "#enroll-new");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.lastEnrollment() != vm);
        EnrollmentViewModel again = window.lastEnrollment();
        List<Path> more = KioskRecognitionTest.photos("Jacques_Chirac").subList(5, 8);
        robot.interact(() -> {
            again.codeProperty().set("JC2");
            again.nameProperty().set("J. Chirac");
            again.addFiles(more);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> again.samples().size() == 3 && !again.busyProperty().get());
        robot.interact(() -> again.save(false));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !again.warningProperty().get().isEmpty());
        assertThat(again.warningProperty().get()).contains("Jacques Chirac (JC)");
        assertThat(Repos.employees(window.services()).findByCode("JC2")).isEmpty();
        Snapshots.save(window.root().getScene(), "admin-duplicate");

        // photos of two people under one code: the same warning, naming the photo that disagrees; saving anyway
        // stays the administrator's call
        Path tony = KioskRecognitionTest.photos("Tony_Blair").get(0);
        Path gerhard = KioskRecognitionTest.photos("Gerhard_Schroeder").get(0);
        robot.interact(() -> {
            again.samples().clear();
            again.codeProperty().set("MIX");
            again.nameProperty().set("Mixed Up");
            again.addFiles(List.of(tony, gerhard));
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> again.samples().size() == 2 && !again.busyProperty().get());
        AdminLoginTest.press(robot, "#enroll-save");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !again.warningProperty().get().isEmpty());
        assertThat(again.warningProperty().get()).contains("do not show one person")
                .contains(gerhard.getFileName().toString()).contains(tony.getFileName().toString());
        assertThat(AdminLoginTest.visible(robot, "#enroll-force")).isTrue();
        assertThat(Repos.employees(window.services()).findByCode("MIX")).isEmpty();
        AdminLoginTest.press(robot, "#enroll-force");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> again.statusProperty().get().startsWith("Enrolled"));
        assertThat(again.warningProperty().get()).isEmpty();
        assertThat(window.services().audit().recent(1).get(0).details()).contains("forced");
        // MIX goes again: the kiosk below is to see Chirac's face only
        assertThat(window.services().engine().enrollment().delete("MIX", "hr")).isTrue();

        // back to the kiosk: the camera (a folder of other photos of him) greets him by name
        AdminLoginTest.press(robot, "#admin-to-kiosk");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.kiosk() != null && window.kiosk().greetingCount() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#banner").queryAs(Label.class).getText())
                .matches("Good (morning|afternoon|evening), Jacques Chirac");
        assertThat(robot.lookup("#banner-recorded").queryAs(Label.class).getText()).matches("Checked in at \\d\\d:\\d\\d");
        assertThat(Repos.events(window.services()).all()).hasSize(1);
        assertThat(window.services().audit().recent(50)).extracting(AuditEntry::action).contains("enroll", "login", "logout");

        // leaving the admin screens logged out: the kiosk's Admin button asks for the password again
        AdminLoginTest.press(robot, "#open-admin");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> AdminLoginTest.visible(robot, "#login-submit"));
        assertThat(AdminLoginTest.visible(robot, "#admin")).isFalse();
        AdminLoginTest.login(robot, "hr", "enrol-them-all");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> AdminLoginTest.visible(robot, "#employee-table"));

        // search, erase the face data, then delete: the employee and their records are erased
        @SuppressWarnings("unchecked")
        TableView<EmployeeItem> t2 = robot.lookup("#employee-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> t2.getItems().size() == 1);
        AdminLoginTest.type(robot, "#employee-search", "zzz");
        assertThat(t2.getItems()).isEmpty();
        AdminLoginTest.type(robot, "#employee-search", "chir");
        assertThat(t2.getItems()).extracting(EmployeeItem::code).containsExactly("JC");
        EmployeeItem item = t2.getItems().get(0);

        // erase face data (a leaver): no longer recognised, but the employee and their check-in are kept
        robot.interact(() -> window.employeesViewModel().eraseFaceData(item));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> window.services().engine().gallery().gallery().identityCount() == 0);
        assertThat(Repos.templates(window.services()).cropsOf(Repos.employees(window.services()).findByCode("JC")
                .orElseThrow().id())).isEmpty();
        assertThat(Repos.events(window.services()).all()).hasSize(1);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> t2.getItems().size() == 1
                && t2.getItems().get(0).templates() == 0);
        assertThat(window.services().audit().recent(50)).extracting(AuditEntry::action).contains("erase-face-data");

        robot.interact(() -> window.employeesViewModel().delete(item));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Repos.employees(window.services()).findByCode("JC").isEmpty());
        assertThat(Repos.templates(window.services()).listByModel(window.services().engine().engine().embedder().modelId())).isEmpty();
        assertThat(window.services().engine().gallery().gallery().identityCount()).isZero();
        assertThat(window.services().audit().recent(50)).extracting(AuditEntry::action).contains("delete");
    }
}

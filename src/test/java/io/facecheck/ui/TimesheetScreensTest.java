package io.facecheck.ui;

import io.facecheck.app.TodayService;
import io.facecheck.config.Messages;
import io.facecheck.store.Direction;
import io.facecheck.store.Employee;
import io.facecheck.store.EventRepository;
import io.facecheck.timesheet.DayStatus;
import io.facecheck.timesheet.ScheduleAssignment;
import io.facecheck.timesheet.Shift;
import io.facecheck.ui.admin.AttendanceView;
import io.facecheck.ui.admin.HolidaysLeaveView;
import io.facecheck.ui.admin.SchedulesView;
import io.facecheck.ui.admin.TodayView;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static io.facecheck.ui.AdminLoginTest.press;
import static io.facecheck.ui.AdminLoginTest.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The Schedules, Holidays &amp; leave, Today and Attendance (timesheet) pages on a real H2 file database, driven
 * through their forms; every change is audited with the logged-in administrator as the actor.
 */
@ExtendWith(ApplicationExtension.class)
class TimesheetScreensTest {
    @TempDir
    Path tmp;
    private MainWindow window;
    private volatile ZonedDateTime shiftStart;

    @Start
    void start(Stage stage) {
        LaunchOptions opts = new LaunchOptions(LaunchOptions.Screen.ADMIN, "dir:" + tmp, false, "test",
                "jdbc:h2:file:" + tmp.resolve("db/facecheck").toAbsolutePath());
        window = new MainWindow(opts, () -> {
            AppServices s = AppServices.open(tmp.resolve("user.properties"), opts);
            s.admins().add("hr", "rota-2026".toCharArray(), "setup");
            ZoneId z = s.settings().checkIn().zone();
            // today's "Early" shift began two hours ago (at midnight at the earliest: it must start today)
            ZonedDateTime now = ZonedDateTime.now(z).truncatedTo(ChronoUnit.MINUTES);
            shiftStart = now.minusHours(2).toLocalDate().isBefore(now.toLocalDate())
                    ? now.toLocalDate().atStartOfDay(z) : now.minusHours(2);
            s.shifts().add(Shift.fixed("Early", shiftStart.toLocalTime(), shiftStart.toLocalTime().plusHours(8), 0, 0,
                    30, 30), "setup");
            Employee late = Repos.employees(s).create("L01", "Lena Late", "Ops");
            Repos.employees(s).create("A02", "Arno Absent", "Ops");
            Repos.employees(s).create("P03", "Pia Punctual", "Ops");
            Repos.employees(s).create("V04", "Vera Urlaub", "Ops");
            s.schedules().assign(new ScheduleAssignment(null, "Ops", "Early", EnumSet.allOf(DayOfWeek.class),
                    now.toLocalDate().minusDays(7)), "setup");
            s.leave().add("V04", now.toLocalDate(), now.toLocalDate(), "annual", null, "setup");
            // Lena came in at the kiosk a minute after her shift began (no grace)
            ZonedDateTime lenaIn = shiftStart.plusMinutes(1);
            if (lenaIn.isBefore(now)) {
                Repos.events(s).insert(EventRepository.NewEvent.kiosk(late.id(), lenaIn.toInstant(), z, Direction.IN, 0.41,
                        null, "gate"));
            }
            Employee pia = Repos.employees(s).findByCode("P03").orElseThrow();
            Repos.events(s).insert(EventRepository.NewEvent.kiosk(pia.id(), shiftStart.minusMinutes(3).toInstant(), z,
                    Direction.IN, 0.38, null, "gate"));
            return s;
        });
        AdminLoginTest.show(stage, window);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.close()).get(10, TimeUnit.SECONDS);
    }

    private void openPage(FxRobot robot, String title) throws Exception {
        AdminLoginTest.login(robot, "hr", "rota-2026");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> AdminLoginTest.visible(robot, "#admin"));
        robot.interact(() -> window.adminView().select(title));
    }

    private static String status(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void addAFlexibleShiftAndANightShiftAndAssignTheNightToAnEmployee(FxRobot robot) throws Exception {
        openPage(robot, "Schedules");
        SchedulesView view = robot.lookup("#schedules").queryAs(SchedulesView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.shiftTable().getItems().size() == 1);

        type(robot, "#shift-name", "Night");
        type(robot, "#shift-start", "22:00");
        type(robot, "#shift-end", "06:00");
        type(robot, "#shift-grace-in", "10");
        press(robot, "#shift-add");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.shiftTable().getItems().size() == 2);
        Shift night = view.shiftTable().getItems().stream().filter(s -> s.name().equals("Night")).findFirst().orElseThrow();
        assertThat(night.crossesMidnight()).isTrue();
        assertThat(night.graceInMinutes()).isEqualTo(10);
        assertThat(night.breakMinutes()).isEqualTo(30);

        // a fixed shift whose end equals its start is refused with the rule's message
        type(robot, "#shift-name", "Broken");
        type(robot, "#shift-end", "22:00");
        press(robot, "#shift-add");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status(robot, "#schedules-status").contains("equals the start"));

        // edit as new: the form takes the selected shift's values; saved flexible under another name
        robot.interact(() -> view.shiftTable().getSelectionModel().select(night));
        press(robot, "#shift-edit");
        assertThat(robot.lookup("#shift-name").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("Night (new)");
        type(robot, "#shift-name", "Flexi");
        type(robot, "#shift-start", "07:00");
        type(robot, "#shift-end", "19:00");
        robot.interact(() -> robot.lookup("#shift-flexible").queryAs(javafx.scene.control.CheckBox.class).setSelected(true));
        type(robot, "#shift-hours", "7.5");
        press(robot, "#shift-add");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.shiftTable().getItems().size() == 3);
        assertThat(view.shiftTable().getItems()).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("Flexi");
            assertThat(s.flexible()).isTrue();
            assertThat(s.requiredMinutes()).isEqualTo(450);
        });

        type(robot, "#assign-who", "L01");
        robot.interact(() -> {
            robot.lookup("#assign-shift").queryAs(ChoiceBox.class).setValue("Night");
            robot.lookup("#assign-sat").queryAs(javafx.scene.control.CheckBox.class).setSelected(true);
            robot.lookup("#assign-from").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 3, 2));
        });
        press(robot, "#assign-save");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.assignmentTable().getItems().size() == 2);
        assertThat(view.assignmentTable().getItems()).anySatisfy(a -> {
            assertThat(a.employeeCode()).isEqualTo("L01");
            assertThat(a.shiftName()).isEqualTo("Night");
            assertThat(a.days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
            assertThat(a.effectiveFrom()).isEqualTo(LocalDate.of(2026, 3, 2));
        });
        // an unknown employee is refused, naming it
        type(robot, "#assign-who", "NOBODY");
        press(robot, "#assign-save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status(robot, "#schedules-status").contains("NOBODY"));
        Snapshots.save(window.root().getScene(), "admin-schedules");

        assertThat(window.services().audit().recent(20)).filteredOn(a -> a.actor().equals("hr"))
                .extracting(a -> a.action() + " " + a.target())
                .contains("shift-add Night", "shift-add Flexi", "schedule-assign L01");
    }

    @Test
    void addAHolidayAndLeaveAndOverlappingLeaveIsRefusedWithTheReason(FxRobot robot) throws Exception {
        openPage(robot, "Holidays & leave");
        HolidaysLeaveView view = robot.lookup("#holidays-leave").queryAs(HolidaysLeaveView.class);
        int year = LocalDate.now().getYear();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.leaveTable().getItems().size() == 1);

        LocalDate holiday = LocalDate.of(year, 12, 25);
        robot.interact(() -> robot.lookup("#holiday-date").queryAs(DatePicker.class).setValue(holiday));
        type(robot, "#holiday-name", "Christmas Day");
        press(robot, "#holiday-add");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.holidayTable().getItems().size() == 1);
        assertThat(view.holidayTable().getItems().get(0).name()).isEqualTo("Christmas Day");

        LocalDate may4 = LocalDate.of(year, 5, 4);
        type(robot, "#leave-code", "A02");
        robot.interact(() -> {
            robot.lookup("#leave-from").queryAs(DatePicker.class).setValue(may4);
            robot.lookup("#leave-to").queryAs(DatePicker.class).setValue(may4.plusDays(4));
            robot.lookup("#leave-type").queryAs(ChoiceBox.class).setValue("sick");
        });
        press(robot, "#leave-add");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.leaveTable().getItems().size() == 2);
        // two hours on a day of that leave: refused, the service's reason shown, nothing added
        robot.interact(() -> {
            robot.lookup("#leave-from").queryAs(DatePicker.class).setValue(may4.plusDays(2));
            robot.lookup("#leave-to").queryAs(DatePicker.class).setValue(may4.plusDays(2));
            robot.lookup("#leave-type").queryAs(ChoiceBox.class).setValue("annual");
        });
        type(robot, "#leave-hours", "2");
        press(robot, "#leave-add");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status(robot, "#holidays-status").startsWith("Not saved")
                && status(robot, "#holidays-status").contains("overlaps"));
        assertThat(view.leaveTable().getItems()).hasSize(2);
        Snapshots.save(window.root().getScene(), "admin-holidays-leave");

        robot.interact(() -> view.holidayTable().getSelectionModel().select(0));
        press(robot, "#holiday-remove");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.holidayTable().getItems().isEmpty());
        assertThat(window.services().audit().recent(20)).filteredOn(a -> a.actor().equals("hr"))
                .extracting(a -> a.action() + " " + a.target())
                .contains("holiday-add " + holiday, "leave-add A02", "holiday-remove " + holiday);
    }

    @Test
    void theSchedulesAndTodayPagesSpeakChineseAndTurnJapaneseWhileShown(FxRobot robot) throws Exception {
        Locale before = Messages.locale();
        robot.interact(() -> Messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        try {
            AdminLoginTest.login(robot, "hr", "rota-2026");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> AdminLoginTest.visible(robot, "#admin"));
            showPage(robot, SchedulesView.class);
            SchedulesView view = robot.lookup("#schedules").queryAs(SchedulesView.class);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.shiftTable().getItems().size() == 1);
            assertThat(view.shiftTable().getColumns()).extracting(c -> c.getText())
                    .startsWith("班次", "类型", "上班", "下班", "工时");
            assertThat(view.shiftTable().getColumns().get(1).getCellData(0)).isEqualTo("固定班");
            assertThat(robot.lookup("#assign-mon").queryAs(javafx.scene.control.CheckBox.class).getText())
                    .isEqualTo("周一");
            assertThat(robot.lookup("#shift-add").queryAs(javafx.scene.control.Button.class).getText())
                    .isEqualTo("添加班次");
            type(robot, "#shift-name", "Late");
            type(robot, "#shift-start", "12:00");
            type(robot, "#shift-end", "20:00");
            type(robot, "#shift-break", "半小时");
            press(robot, "#shift-add");
            assertThat(status(robot, "#schedules-status")).isEqualTo("休息应为分钟数，而不是“半小时”");
            Snapshots.save(window.root().getScene(), "admin-schedules-zh-CN");

            // the language switched while the page shows: headers, weekdays, cells and the message follow
            robot.interact(() -> Messages.setLocale(Locale.JAPANESE));
            assertThat(view.shiftTable().getColumns()).extracting(c -> c.getText())
                    .startsWith("シフト", "種類", "始業", "終業", "所定時間");
            assertThat(view.shiftTable().getColumns().get(1).getCellData(0)).isEqualTo("固定");
            assertThat(robot.lookup("#assign-mon").queryAs(javafx.scene.control.CheckBox.class).getText())
                    .isEqualTo("月");
            assertThat(status(robot, "#schedules-status")).isEqualTo("休憩は分数で入力してください（「半小时」は使えません）");

            showPage(robot, TodayView.class);
            TodayView today = robot.lookup("#today").queryAs(TodayView.class);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !today.viewModel().onLeave().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup(".today-title").queryAllAs(Label.class)).extracting(Label::getText)
                    .contains("休暇（1）").anySatisfy(t -> assertThat(t).startsWith("出勤中（"));
            assertThat(today.viewModel().onLeave().get(0).detail()).isEqualTo("休暇（annual）");
            assertThat(status(robot, "#today-status")).contains("更新：出勤中").contains("休暇 1 名");
            Snapshots.save(window.root().getScene(), "admin-today-ja");
        } finally {
            robot.interact(() -> Messages.setLocale(before));
        }
    }

    /** Selects the admin page showing a view of {@code page}'s class, whatever its tab is called. */
    private void showPage(FxRobot robot, Class<?> page) {
        robot.interact(() -> window.adminView().tabs().getTabs().stream().filter(t -> page.isInstance(t.getContent()))
                .findFirst().ifPresent(t -> window.adminView().tabs().getSelectionModel().select(t)));
    }

    @Test
    void todayBoardShowsWhoIsInLateAbsentAndOnLeaveFromRealEvents(FxRobot robot) throws Exception {
        openPage(robot, "Today"); // the data is made once the services are open, before the login screen
        // Lena's IN comes a minute into the shift: the board can tell her and Arno apart only after that
        assumeThat(Duration.between(shiftStart, ZonedDateTime.now(shiftStart.getZone())).toMinutes())
                .as("the shift began at least two minutes ago").isGreaterThanOrEqualTo(2);
        TodayView view = robot.lookup("#today").queryAs(TodayView.class);
        var vm = view.viewModel();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.absent().isEmpty());
        assertThat(vm.in()).extracting(TodayService.Person::code).containsExactlyInAnyOrder("L01", "P03");
        assertThat(vm.late()).extracting(TodayService.Person::code).containsExactly("L01");
        assertThat(vm.late().get(0).detail()).startsWith("1 min late");
        assertThat(vm.absent()).extracting(TodayService.Person::code).containsExactly("A02");
        assertThat(vm.onLeave()).extracting(TodayService.Person::code).containsExactly("V04");
        Snapshots.save(window.root().getScene(), "admin-today");

        // the timesheet of the Attendance page: today's rows with their status
        robot.interact(() -> window.adminView().select("Attendance"));
        AttendanceView attendance = robot.lookup("#attendance").queryAs(AttendanceView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> attendance.timesheetTable().getItems().stream()
                .anyMatch(d -> d.code().equals("A02") && d.date().equals(shiftStart.toLocalDate())));
        assertThat(attendance.timesheetTable().getItems()).filteredOn(d -> d.date().equals(shiftStart.toLocalDate()))
                .extracting(d -> d.code() + " " + d.status())
                .containsExactlyInAnyOrder("A02 " + DayStatus.ABSENT, "L01 " + DayStatus.INCOMPLETE,
                        "P03 " + DayStatus.INCOMPLETE, "V04 " + DayStatus.LEAVE);
        assertThat(attendance.totalsTable().getItems()).extracting(t -> t.code()).containsExactly("A02", "L01", "P03", "V04");
        Snapshots.save(window.root().getScene(), "admin-attendance-timesheet");

        // the XLSX export through the timesheet service, audited with the administrator's name
        Path xlsx = tmp.resolve("timesheet.xlsx");
        robot.interact(() -> window.adminView().attendance().exportTimesheet(xlsx));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.adminView().attendance().statusProperty().get()
                .startsWith("Exported the timesheet"));
        assertThat(xlsx).exists();
        assertThat(window.services().audit().recent(5)).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("export");
            assertThat(a.actor()).isEqualTo("hr");
        });
    }
}

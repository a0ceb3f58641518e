package io.facecheck.ui;

import io.facecheck.config.Messages;
import io.facecheck.config.SettingsLoader;
import io.facecheck.fonts.BundledFont;
import io.facecheck.store.Direction;
import io.facecheck.store.Employee;
import io.facecheck.store.EventRepository;
import io.facecheck.ui.admin.AttendanceView;
import io.facecheck.ui.admin.EmployeeItem;
import io.facecheck.ui.admin.EmployeesViewModel;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
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
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One admin flow in Chinese and in Japanese, switched to from the admin header while the screens show (as an
 * administrator would): the tabs, the employees' headers and their order by the language's collation (pinyin; kana
 * of the reading), the attendance screen's headers and the CJK name drawn in a font that has its glyphs, the date
 * picker's calendar, and the choice kept in the user settings file.
 */
@ExtendWith(ApplicationExtension.class)
class AdminLanguagesTest {
    @TempDir
    static Path tmp;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Messages.setLocale(Locale.ENGLISH);
        Path dir = tmp.resolve("run-" + System.nanoTime());
        LaunchOptions opts = new LaunchOptions(LaunchOptions.Screen.ADMIN, "dir:" + dir, false, "test",
                "jdbc:h2:file:" + dir.resolve("db/facecheck").toAbsolutePath());
        window = new MainWindow(opts, () -> {
            AppServices s = AppServices.open(dir.resolve("user.properties"), opts);
            s.admins().add("clerk", "payroll-2026".toCharArray(), "setup");
            // entered in an order that is neither pinyin's nor kana's
            Repos.employees(s).create("C1", "张三", "研发部");
            Repos.employees(s).create("C2", "赵六", "研发部");
            Repos.employees(s).create("C3", "李四", "财务部");
            Repos.employees(s).create("C4", "王芳", "财务部");
            Repos.employees(s).create("J1", "山田太郎", "営業部");
            Repos.employees(s).updateNames("J1", null, "やまだ たろう");
            Repos.employees(s).create("J2", "鈴木一郎", "営業部");
            Repos.employees(s).updateNames("J2", null, "すずき いちろう");
            Repos.employees(s).create("J3", "佐藤花子", "総務部");
            Repos.employees(s).updateNames("J3", null, "さとう はなこ");
            Employee z = Repos.employees(s).create("E042", "Zoë Müller-李", "Finance");
            ZoneId zone = s.settings().checkIn().zone();
            LocalDate d = LocalDate.now(zone);
            Repos.events(s).insert(EventRepository.NewEvent.kiosk(z.id(), d.atTime(8, 59).atZone(zone).toInstant(), zone,
                    Direction.IN, 0.42, null, "test"));
            Repos.events(s).insert(EventRepository.NewEvent.kiosk(z.id(), d.atTime(17, 35).atZone(zone).toInstant(), zone,
                    Direction.OUT, 0.40, null, "test"));
            return s;
        });
        AdminLoginTest.show(stage, window);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Messages.setLocale(Locale.ENGLISH);
            Locale.setDefault(Locale.Category.FORMAT, Locale.ENGLISH);
            window.close();
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theLanguageChooserNamesEachLanguageInItselfAndAnUnsupportedOneByTheJdksName() {
        assertThat(io.facecheck.ui.admin.AdminView.languageName(Locale.SIMPLIFIED_CHINESE)).isEqualTo("简体中文");
        assertThat(io.facecheck.ui.admin.AdminView.languageName(Locale.JAPANESE)).isEqualTo("日本語");
        // a language set from outside the supported ones (no lang.de in any bundle): named, not "!lang.de!"
        assertThat(io.facecheck.ui.admin.AdminView.languageName(Locale.GERMAN)).isEqualTo("Deutsch");
    }

    @Test
    void chinese(FxRobot robot) throws Exception {
        loginAndSwitch(robot, Locale.SIMPLIFIED_CHINESE);
        assertThat(tabTitles(robot)).startsWith("员工", "考勤记录", "设置", "操作日志");
        assertThat(headers(robot, "#employee-table")).startsWith("工号", "姓名");
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.save(window.root().getScene(), "admin-employees-zh-CN");
        // pinyin: li, wang, zhang, zhao
        assertThat(namesAmong(List.of("张三", "赵六", "李四", "王芳"))).containsExactly("李四", "王芳", "张三", "赵六");
        attendance(robot, Locale.SIMPLIFIED_CHINESE, "日期", "工号", "姓名", "部门", "上班打卡", "下班打卡");
        assertThat(robot.lookup("#attendance-show").queryButton().getText()).isEqualTo("查询");
    }

    @Test
    void japanese(FxRobot robot) throws Exception {
        loginAndSwitch(robot, Locale.JAPANESE);
        assertThat(tabTitles(robot)).startsWith("従業員", "勤怠記録", "設定", "操作履歴");
        assertThat(headers(robot, "#employee-table")).startsWith("社員番号", "氏名", "ふりがな");
        // by their readings: さとう, すずき, やまだ (the kanji's code points would give 佐藤, 山田, 鈴木)
        assertThat(namesAmong(List.of("山田太郎", "鈴木一郎", "佐藤花子"))).containsExactly("佐藤花子", "鈴木一郎", "山田太郎");
        // the search finds a reading typed in katakana
        robot.interact(() -> window.employeesViewModel().searchProperty().set("ヤマダ"));
        assertThat(window.employeesViewModel().shown()).extracting(EmployeeItem::code).containsExactly("J1");
        robot.interact(() -> window.employeesViewModel().searchProperty().set(""));
        attendance(robot, Locale.JAPANESE, "日付", "社員番号", "氏名", "部署", "出勤", "退勤");
        assertThat(robot.lookup("#attendance-show").queryButton().getText()).isEqualTo("表示");
    }

    /** Logs in in English, then picks the language in the header: everything shown re-renders, and it is saved. */
    private void loginAndSwitch(FxRobot robot, Locale language) throws Exception {
        AdminLoginTest.login(robot, "clerk", "payroll-2026");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> AdminLoginTest.visible(robot, "#admin"));
        robot.interact(() -> window.employeesViewModel().filterProperty().set(EmployeesViewModel.Filter.ALL));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.employeesViewModel().shown().size() == 8);
        assertThat(headers(robot, "#employee-table")).startsWith("Code", "Name");
        assertThat(tabTitles(robot)).startsWith("Employees", "Attendance");
        Snapshots.save(window.root().getScene(), "admin-employees-en");

        ChoiceBox<Locale> choice = robot.lookup("#admin-language").queryAs(ChoiceBox.class);
        robot.interact(() -> choice.setValue(language));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Messages.locale()).isEqualTo(language);
        Path settings = window.services().userSettingsFile();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(settings)
                && language.toLanguageTag().equals(SettingsLoader.readFile(settings).get("ui.language")));
        assertThat(robot.lookup("#admin-user").queryAs(Label.class).getText())
                .isEqualTo(Messages.format(language, "admin.logged-in-as", "clerk"));
    }

    /** The attendance screen's headers, the CJK name in a font with its glyphs, the calendar; a screenshot. */
    private void attendance(FxRobot robot, Locale language, String... headers) throws Exception {
        robot.interact(() -> window.adminView().select("tab-attendance"));
        AttendanceView view = robot.lookup("#attendance").queryAs(AttendanceView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.summaryTable().getItems().size() == 1);
        // the per-day table in front, for the headers and the screenshot
        robot.interact(() -> view.lookupAll(".tab-pane").stream().map(javafx.scene.control.TabPane.class::cast)
                .forEach(p -> p.getTabs().stream().filter(t -> t.getContent() == view.summaryTable()).findFirst()
                        .ifPresent(t -> p.getSelectionModel().select(t))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(headers(robot, "#summary-table")).startsWith(headers);
        // the name cell is drawn in the bundled CJK family, which has a glyph for every character of the name
        TableCell<?, ?> cell = robot.lookup("#summary-table .table-cell").<TableCell<?, ?>>queryAll().stream()
                .filter(c -> "Zoë Müller-李".equals(c.getText())).findFirst().orElseThrow();
        assertThat(cell.getFont().getFamily()).isEqualTo(BundledFont.FAMILY);
        assertThat(BundledFont.awt(java.awt.Font.PLAIN, 14).canDisplayUpTo("Zoë Müller-李")).isEqualTo(-1);
        // the chart's day labels (3月2日, 3/2) too: tick labels have a font of their own, not the root's family
        javafx.scene.chart.BarChart<?, ?> chart = robot.lookup("#attendance-chart").queryAs(javafx.scene.chart.BarChart.class);
        assertThat(chart.getXAxis().getTickLabelFont().getFamily()).isEqualTo(BundledFont.FAMILY);
        String date = Messages.dateTimeFormatter(language, "admin.common.format.date")
                .format(LocalDate.now(window.adminView().attendance().zone()));
        assertThat(view.summaryTable().getColumns().get(0).getCellData(0)).isEqualTo(date);

        // the calendar of the date picker: weekday names in the language, its week starting on the language's day
        DatePicker from = robot.lookup("#attendance-from").queryAs(DatePicker.class);
        robot.interact(from::show);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> dayNames = new ArrayList<>();
        robot.lookup(".day-name-cell").queryAll().forEach(n -> dayNames.add(((javafx.scene.control.DateCell) n).getText()));
        robot.interact(from::hide);
        DayOfWeek first = WeekFields.of(language).getFirstDayOfWeek();
        DateTimeFormatter ccc = DateTimeFormatter.ofPattern("ccc", language);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            expected.add(ccc.format(first.plus(i)));
        }
        assertThat(dayNames).containsExactlyElementsOf(expected);

        Path shot = Snapshots.save(window.root().getScene(), "admin-attendance-" + language.toLanguageTag());
        // the committed copies shown in the docs
        Files.createDirectories(Path.of("docs/screenshots"));
        Files.copy(shot, Path.of("docs/screenshots").resolve(shot.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    private List<String> namesAmong(List<String> names) {
        return window.employeesViewModel().shown().stream().map(EmployeeItem::name).filter(names::contains).toList();
    }

    private static List<String> tabTitles(FxRobot robot) {
        return robot.lookup("#admin-tabs").queryAs(javafx.scene.control.TabPane.class).getTabs().stream()
                .map(javafx.scene.control.Tab::getText).toList();
    }

    private static List<String> headers(FxRobot robot, String table) {
        TableView<?> t = robot.lookup(table).queryAs(TableView.class);
        return t.getColumns().stream().map(TableColumn::getText).toList();
    }
}

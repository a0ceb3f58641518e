package io.facecheck.ui.admin;

import io.facecheck.attendance.DaySummary;
import io.facecheck.config.Messages;
import io.facecheck.ui.I18n;
import io.facecheck.ui.I18n.Text;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Direction;
import io.facecheck.timesheet.DayRow;
import io.facecheck.timesheet.Totals;
import io.facecheck.ui.I18n;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;

import java.io.File;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Attendance tab: date range; the timesheet (rows coloured by status, late and early leave marked, and the totals);
 * the per-day summary; events; chart of check-ins per day; corrections; CSV and XLSX export.
 */
public final class AttendanceView extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final TableView<CheckInEvent> events = new TableView<>();
    private final TableView<DaySummary> days = new TableView<>();
    private final TableView<DayRow> sheet = new TableView<>();
    private final TableView<Totals> totals = new TableView<>();

    public AttendanceView(AttendanceViewModel vm) {
        getStyleClass().add("page");
        setId("attendance");
        DatePicker from = Localized.datePicker(new DatePicker());
        from.setId("attendance-from");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = Localized.datePicker(new DatePicker());
        to.setId("attendance-to");
        to.valueProperty().bindBidirectional(vm.toProperty());
        Button show = Localized.button("admin.attendance.show");
        show.setId("attendance-show");
        show.setDefaultButton(true);
        show.setOnAction(e -> vm.reload());
        Button correct = Localized.button("admin.attendance.correct");
        correct.setId("attendance-correct");
        correct.disableProperty().bind(events.getSelectionModel().selectedItemProperty().isNull());
        correct.setOnAction(e -> correctDialog(vm, events.getSelectionModel().getSelectedItem()));
        Button add = Localized.button("admin.attendance.add");
        add.setId("attendance-add");
        add.setOnAction(e -> addDialog(vm));
        MenuItem exportSummary = menuItem("admin.attendance.export.summary");
        exportSummary.setOnAction(e -> chooseFile(vm, "attendance-summary", "csv").ifPresent(f -> vm.export(f.toPath(), true)));
        MenuItem exportEvents = menuItem("admin.attendance.export.events");
        exportEvents.setOnAction(e -> chooseFile(vm, "attendance-events", "csv").ifPresent(f -> vm.export(f.toPath(), false)));
        MenuItem timesheetCsv = menuItem("admin.attendance.export.timesheet-csv");
        timesheetCsv.setOnAction(e -> chooseFile(vm, "timesheet", "csv").ifPresent(f -> vm.exportTimesheet(f.toPath())));
        MenuItem timesheetXlsx = menuItem("admin.attendance.export.timesheet-xlsx");
        timesheetXlsx.setOnAction(e -> chooseFile(vm, "timesheet", "xlsx").ifPresent(f -> vm.exportTimesheet(f.toPath())));
        MenuButton export = new MenuButton(null, null, timesheetXlsx, timesheetCsv, exportSummary, exportEvents);
        export.textProperty().bind(I18n.text("admin.attendance.export"));
        export.setId("attendance-export");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, Localized.label("admin.attendance.from"), from, Localized.label("admin.attendance.to"), to, show,
                spacer, add, correct, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 10, 0));
        setTop(bar);

        days.setId("summary-table");
        days.setItems(vm.days());
        days.getColumns().add(Localized.column("admin.attendance.col.date", d -> Localized.date(d.date()), 160));
        days.getColumns().add(Localized.column("admin.attendance.col.code", DaySummary::code, 80));
        days.getColumns().add(Localized.column("admin.attendance.col.name", DaySummary::name, 180));
        days.getColumns().add(Localized.column("admin.attendance.col.department", d -> d.department() == null ? ""
                : d.department(), 120));
        days.getColumns().add(Localized.column("admin.attendance.col.first-in", d -> d.firstIn() == null ? ""
                : Localized.time(d.firstIn()), 75));
        days.getColumns().add(Localized.column("admin.attendance.col.last-out", d -> d.lastOut() == null ? ""
                : Localized.time(d.lastOut()), 75));
        days.getColumns().add(Localized.column("admin.attendance.col.hours",
                d -> String.format(Messages.locale(), "%.2f", d.workedHours()), 65));
        days.getColumns().add(Localized.column("admin.attendance.col.late",
                d -> d.late() ? Messages.get("admin.attendance.late") : "", 55));
        days.getColumns().add(Localized.column("admin.attendance.col.checkout",
                d -> d.missingCheckout() ? Messages.get("admin.attendance.missing") : "", 80));
        days.setPlaceholder(Localized.label("admin.attendance.empty.days"));

        events.setId("event-table");
        events.setItems(vm.events());
        events.getColumns().add(Localized.column("admin.attendance.col.date",
                ev -> Localized.date(ev.at().atZone(vm.zone())), 160));
        events.getColumns().add(Localized.column("admin.attendance.col.time",
                ev -> Localized.time(ev.at().atZone(vm.zone())), 65));
        events.getColumns().add(Localized.column("admin.attendance.col.code", CheckInEvent::code, 80));
        events.getColumns().add(Localized.column("admin.attendance.col.name", CheckInEvent::name, 180));
        events.getColumns().add(Localized.column("admin.attendance.col.direction", ev -> direction(ev.direction()), 75));
        // a PIN check-in had no face to vouch for it: flagged for the administrator to look at
        events.getColumns().add(Localized.column("pin.attendance.col.method", ev -> ev.method().needsReview()
                ? Messages.get("pin.attendance.review", method(ev.method())) : method(ev.method()), 110));
        events.getColumns().add(Localized.column("admin.attendance.col.kiosk",
                ev -> ev.kioskId() == null ? "" : ev.kioskId(), 90));
        events.getColumns().add(Localized.column("admin.attendance.col.correction", ev -> ev.correctionReason() == null
                ? "" : Messages.get("admin.attendance.corrected-by", ev.correctionReason(), ev.correctedBy()), 220));
        events.setPlaceholder(Localized.label("admin.attendance.empty.events"));

        sheet.setId("timesheet-table");
        sheet.getStyleClass().add("timesheet-days");
        sheet.setItems(vm.timesheetDays());
        sheet.getColumns().add(TimesheetUi.column("timesheet.sheet.column.code", DayRow::code, 80));
        sheet.getColumns().add(TimesheetUi.column("timesheet.sheet.column.date",
                d -> TimesheetUi.dateWithWeekday(d.date()), 165));
        sheet.getColumns().add(TimesheetUi.column("timesheet.sheet.column.shift", d -> d.shift() == null ? ""
                : d.shift(), 90));
        sheet.getColumns().add(TimesheetUi.column("timesheet.sheet.column.status",
                d -> Messages.get("timesheet.status." + d.status().word()), 85));
        sheet.getColumns().add(TimesheetUi.column("timesheet.sheet.column.first-in", d -> punch(d.firstIn()), 110));
        sheet.getColumns().add(TimesheetUi.column("timesheet.sheet.column.last-out", d -> punch(d.lastOut()), 110));
        sheet.getColumns().add(TimesheetUi.column("timesheet.sheet.column.worked",
                d -> TimesheetUi.hours(d.workedMinutes()), 65));
        sheet.getColumns().add(TimesheetUi.column("timesheet.sheet.column.scheduled",
                d -> TimesheetUi.hours(d.scheduledMinutes()), 75));
        sheet.getColumns().add(TimesheetUi.column("timesheet.sheet.column.late", d -> d.lateMinutes() == 0 ? ""
                : Messages.get("timesheet.minutes", d.lateMinutes()), 65));
        sheet.getColumns().add(TimesheetUi.column("timesheet.sheet.column.early", d -> d.earlyLeaveMinutes() == 0
                ? "" : Messages.get("timesheet.minutes", d.earlyLeaveMinutes()), 65));
        sheet.getColumns().add(TimesheetUi.column("timesheet.sheet.column.overtime", d -> d.overtimeMinutes() == 0
                ? "" : TimesheetUi.hours(d.overtimeMinutes()), 70));
        sheet.getColumns().add(TimesheetUi.column("timesheet.sheet.column.leave", d -> d.leaveType() == null ? ""
                : d.leaveType(), 70));
        sheet.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(DayRow d, boolean empty) {
                super.updateItem(d, empty);
                getStyleClass().removeIf(c -> c.startsWith("day-"));
                if (!empty && d != null) {
                    getStyleClass().add("day-" + d.status().word());
                    if (d.lateMinutes() > 0) {
                        getStyleClass().add("day-late");
                    }
                    if (d.earlyLeaveMinutes() > 0) {
                        getStyleClass().add("day-early");
                    }
                }
            }
        });
        sheet.setPlaceholder(TimesheetUi.label("timesheet.sheet.none"));
        totals.setId("totals-table");
        totals.setItems(vm.totals());
        totals.getColumns().add(TimesheetUi.column("timesheet.sheet.column.code", Totals::code, 80));
        totals.getColumns().add(TimesheetUi.column("timesheet.totals.column.scheduled",
                t -> count(t.scheduledDays()), 75));
        totals.getColumns().add(TimesheetUi.column("timesheet.totals.column.present", t -> count(t.presentDays()), 65));
        totals.getColumns().add(TimesheetUi.column("timesheet.totals.column.absent", t -> count(t.absentDays()), 60));
        totals.getColumns().add(TimesheetUi.column("timesheet.totals.column.leave", t -> count(t.leaveDays()), 55));
        totals.getColumns().add(TimesheetUi.column("timesheet.totals.column.late",
                t -> Messages.get("timesheet.totals.times", t.lateCount(), t.lateMinutes()), 100));
        totals.getColumns().add(TimesheetUi.column("timesheet.totals.column.early",
                t -> Messages.get("timesheet.totals.times", t.earlyLeaveCount(), t.earlyLeaveMinutes()), 110));
        totals.getColumns().add(TimesheetUi.column("timesheet.totals.column.worked",
                t -> TimesheetUi.hours(t.workedMinutes()), 75));
        totals.getColumns().add(TimesheetUi.column("timesheet.totals.column.overtime",
                t -> TimesheetUi.hours(t.overtimeMinutes()), 80));
        totals.getColumns().add(TimesheetUi.column("timesheet.totals.column.missing",
                t -> count(t.missingCheckouts()), 120));
        totals.setPlaceholder(TimesheetUi.label("timesheet.sheet.none"));
        TimesheetUi.rerenderOnLanguageSwitch(sheet, totals);
        SplitPane timesheet = new SplitPane(sheet, totals);
        timesheet.setOrientation(Orientation.VERTICAL);
        timesheet.setDividerPositions(0.7);

        Tab timesheetTab = tab("timesheet.sheet.tab", timesheet);
        timesheetTab.setId("attendance-timesheet");
        TabPane tables = new TabPane(timesheetTab, tab("admin.attendance.tab.days", days),
                tab("admin.attendance.tab.events", events));
        tables.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        // no axis label: the title already names the count, and a label along the short vertical axis could not
        // hold a longer translation ("Check-ins" was cut off in the pseudo-locale at the normal window size)
        y.setMinorTickVisible(false);
        y.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) { // counts: whole numbers only
                double v = n.doubleValue();
                return Math.abs(v - Math.rint(v)) < 1e-9
                        ? java.text.NumberFormat.getIntegerInstance(Messages.locale()).format(Math.round(v)) : "";
            }

            @Override
            public Number fromString(String s) {
                return Long.valueOf(s);
            }
        });
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("attendance-chart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.titleProperty().bind(I18n.text("admin.attendance.chart.title"));
        chart.getData().add(new XYChart.Series<>(vm.perDay()));
        chart.setMinHeight(180);
        // whole-number ticks, and bars at most about 60 px wide (one day's bar should not fill the screen)
        y.setAutoRanging(false);
        y.setLowerBound(0);
        Runnable fit = () -> {
            int n = Math.max(1, vm.perDay().size());
            chart.setCategoryGap(Math.max(10, x.getWidth() / n - 60));
            double max = vm.perDay().stream().mapToDouble(d -> d.getYValue().doubleValue()).max().orElse(0);
            double unit = Math.max(1, Math.ceil(max / 8));
            y.setTickUnit(unit);
            y.setUpperBound(unit * (Math.floor(max / unit) + 1));
        };
        fit.run();
        x.widthProperty().addListener((o, a, b) -> fit.run());
        vm.perDay().addListener((javafx.collections.ListChangeListener<XYChart.Data<String, Number>>) c -> fit.run());

        SplitPane split = new SplitPane(tables, chart);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        setCenter(split);

        Label status = new Label();
        status.setId("attendance-status");
        status.getStyleClass().add("hint-text");
        status.textProperty().bind(vm.statusProperty());
        status.setPadding(new Insets(8, 0, 0, 0));
        setBottom(status);
    }

    private static Tab tab(String key, javafx.scene.Node content) {
        Tab t = new Tab(null, content);
        t.textProperty().bind(I18n.text(key));
        return t;
    }

    private static MenuItem menuItem(String key) {
        MenuItem m = new MenuItem();
        m.textProperty().bind(I18n.text(key));
        return m;
    }

    /** In or out, in the current language. */
    static String direction(Direction d) {
        return Messages.get("admin.attendance.direction." + d.name().toLowerCase(Locale.ROOT));
    }

    /** A punch of the timesheet: its day and time (a night shift's checkout is on the next day). */
    private static String punch(java.time.LocalDateTime t) {
        return t == null ? "" : Messages.dateTimeFormatter(Messages.locale(), "timesheet.sheet.punch").format(t);
    }

    private static String count(int n) {
        return java.text.NumberFormat.getIntegerInstance(Messages.locale()).format(n);
    }

    /** The timesheet's rows, one per employee and shift-day. */
    public TableView<DayRow> timesheetTable() {
        return sheet;
    }

    public TableView<Totals> totalsTable() {
        return totals;
    }

    public TableView<CheckInEvent> eventTable() {
        return events;
    }

    public TableView<DaySummary> summaryTable() {
        return days;
    }

    private java.util.Optional<File> chooseFile(AttendanceViewModel vm, String base, String ext) {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("admin.attendance.export.title"));
        fc.setInitialFileName(base + "-" + vm.fromProperty().get() + "-" + vm.toProperty().get() + "." + ext);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get(ext.equals("csv")
                ? "admin.attendance.export.csv-files" : "admin.attendance.export.xlsx-files"), "*." + ext));
        return java.util.Optional.ofNullable(fc.showSaveDialog(getScene().getWindow()));
    }

    private void correctDialog(AttendanceViewModel vm, CheckInEvent ev) {
        if (ev == null) {
            return;
        }
        EventForm form = new EventForm(ev.at().atZone(vm.zone()).toLocalDate(), TIME.format(ev.at().atZone(vm.zone())),
                ev.direction(), null);
        form.show(Messages.get("admin.attendance.correct.title", ev.name()),
                Messages.get("admin.attendance.correct.save")).ifPresent(r -> {
            try {
                vm.correct(ev, r.day, LocalTime.parse(r.time), r.direction, r.reason);
            } catch (DateTimeParseException e) {
                vm.showStatus(Text.of("admin.attendance.error.time", r.time));
            }
        });
    }

    private void addDialog(AttendanceViewModel vm) {
        DaySummary sel = days.getSelectionModel().getSelectedItem();
        EventForm form = new EventForm(sel == null ? LocalDate.now(vm.zone()) : sel.date(), "17:00", Direction.OUT,
                sel == null ? "" : sel.code());
        form.show(Messages.get("admin.attendance.add.title"), Messages.get("admin.attendance.add.save")).ifPresent(r -> {
            try {
                vm.addMissed(r.code, r.day, LocalTime.parse(r.time), r.direction, r.reason);
            } catch (DateTimeParseException e) {
                vm.showStatus(Text.of("admin.attendance.error.time", r.time));
            }
        });
    }

    /** The small form shared by "correct" and "add missed". */
    private static final class EventForm {
        record Result(String code, LocalDate day, String time, Direction direction, String reason) {
        }

        private final DatePicker day;
        private final TextField time;
        private final ChoiceBox<Direction> dir = new ChoiceBox<>();
        private final TextField reason = new TextField();
        private final TextField code;

        EventForm(LocalDate d, String t, Direction direction, String employeeCode) {
            day = Localized.datePicker(new DatePicker(d));
            time = new TextField(t);
            time.setId("event-time");
            dir.getItems().setAll(Direction.values());
            Localized.choices(dir, AttendanceView::direction);
            dir.setValue(direction);
            reason.setId("event-reason");
            reason.setPromptText(Messages.get("admin.attendance.form.reason.prompt"));
            code = employeeCode == null ? null : new TextField(employeeCode);
        }

        java.util.Optional<Result> show(String title, String ok) {
            Dialog<ButtonType> d = new Dialog<>();
            d.setTitle(title);
            GridPane g = new GridPane();
            g.setHgap(8);
            g.setVgap(8);
            int r = 0;
            if (code != null) {
                code.setPromptText(Messages.get("admin.attendance.form.code"));
                g.addRow(r++, Localized.label("admin.attendance.form.code"), code);
            }
            g.addRow(r++, Localized.label("admin.attendance.form.date"), day);
            g.addRow(r++, Localized.label("admin.attendance.form.time"), time);
            g.addRow(r++, Localized.label("admin.attendance.form.direction"), dir);
            g.addRow(r, Localized.label("admin.attendance.form.reason"), reason);
            d.getDialogPane().setContent(g);
            ButtonType save = new ButtonType(ok, ButtonBar.ButtonData.OK_DONE);
            d.getDialogPane().getButtonTypes().addAll(save, Localized.cancel());
            d.getDialogPane().lookupButton(save).disableProperty().bind(reason.textProperty().isEmpty());
            return d.showAndWait().filter(b -> b == save).map(b -> new Result(code == null ? null : code.getText().strip(),
                    day.getValue(), time.getText().strip(), dir.getValue(), reason.getText()));
        }
    }

    /** How an event was made, in the current language. */
    static String method(io.facecheck.store.CheckInMethod m) {
        return Messages.get("report.method." + m.name().toLowerCase(java.util.Locale.ROOT));
    }
}

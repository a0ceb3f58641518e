package io.facecheck.ui.admin;

import io.facecheck.attendance.DaySummary;
import io.facecheck.config.Messages;
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
        DatePicker from = new DatePicker();
        from.setId("attendance-from");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("attendance-to");
        to.valueProperty().bindBidirectional(vm.toProperty());
        Button show = new Button("Show");
        show.setId("attendance-show");
        show.setDefaultButton(true);
        show.setOnAction(e -> vm.reload());
        Button correct = new Button("Correct event…");
        correct.setId("attendance-correct");
        correct.disableProperty().bind(events.getSelectionModel().selectedItemProperty().isNull());
        correct.setOnAction(e -> correctDialog(vm, events.getSelectionModel().getSelectedItem()));
        Button add = new Button("Add missed…");
        add.setId("attendance-add");
        add.setOnAction(e -> addDialog(vm));
        MenuItem exportSummary = new MenuItem("Per-day summary (CSV)…");
        exportSummary.setOnAction(e -> chooseFile(vm, "attendance-summary", "csv").ifPresent(f -> vm.export(f.toPath(), true)));
        MenuItem exportEvents = new MenuItem("Raw events (CSV)…");
        exportEvents.setOnAction(e -> chooseFile(vm, "attendance-events", "csv").ifPresent(f -> vm.export(f.toPath(), false)));
        MenuItem timesheetCsv = new MenuItem("Timesheet (CSV)…");
        timesheetCsv.setOnAction(e -> chooseFile(vm, "timesheet", "csv").ifPresent(f -> vm.exportTimesheet(f.toPath())));
        MenuItem timesheetXlsx = new MenuItem("Timesheet (XLSX)…");
        timesheetXlsx.setOnAction(e -> chooseFile(vm, "timesheet", "xlsx").ifPresent(f -> vm.exportTimesheet(f.toPath())));
        MenuButton export = new MenuButton("Export", null, timesheetXlsx, timesheetCsv, exportSummary, exportEvents);
        export.setId("attendance-export");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("From"), from, new Label("to"), to, show, spacer, add, correct, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 10, 0));
        setTop(bar);

        days.setId("summary-table");
        days.setItems(vm.days());
        days.getColumns().add(EmployeesView.col("Date", d -> d.date().toString(), 100));
        days.getColumns().add(EmployeesView.col("Code", DaySummary::code, 90));
        days.getColumns().add(EmployeesView.col("Name", DaySummary::name, 190));
        days.getColumns().add(EmployeesView.col("Department", d -> d.department() == null ? "" : d.department(), 130));
        days.getColumns().add(EmployeesView.col("First in", d -> d.firstIn() == null ? "" : TIME.format(d.firstIn()), 75));
        days.getColumns().add(EmployeesView.col("Last out", d -> d.lastOut() == null ? "" : TIME.format(d.lastOut()), 75));
        days.getColumns().add(EmployeesView.col("Hours", d -> String.format(Locale.ROOT, "%.2f", d.workedHours()), 65));
        days.getColumns().add(EmployeesView.col("Late", d -> d.late() ? "late" : "", 55));
        days.getColumns().add(EmployeesView.col("Checkout", d -> d.missingCheckout() ? "missing" : "", 80));
        days.setPlaceholder(new Label("No attendance in this range"));

        events.setId("event-table");
        events.setItems(vm.events());
        events.getColumns().add(EmployeesView.col("Date", ev -> ev.at().atZone(vm.zone()).toLocalDate().toString(), 100));
        events.getColumns().add(EmployeesView.col("Time", ev -> TIME.format(ev.at().atZone(vm.zone())), 65));
        events.getColumns().add(EmployeesView.col("Code", CheckInEvent::code, 90));
        events.getColumns().add(EmployeesView.col("Name", CheckInEvent::name, 190));
        events.getColumns().add(EmployeesView.col("Direction", ev -> ev.direction().name(), 75));
        events.getColumns().add(EmployeesView.col("Kiosk", ev -> ev.kioskId() == null ? "" : ev.kioskId(), 90));
        events.getColumns().add(EmployeesView.col("Correction", ev -> ev.correctionReason() == null ? ""
                : ev.correctionReason() + " (" + ev.correctedBy() + ")", 220));
        events.setPlaceholder(new Label("No check-ins in this range"));

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

        Tab timesheetTab = new Tab(null, timesheet);
        timesheetTab.setId("attendance-timesheet");
        timesheetTab.textProperty().bind(I18n.text("timesheet.sheet.tab"));
        TabPane tables = new TabPane(timesheetTab, new Tab("Per day", days), new Tab("Events", events));
        tables.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel("Check-ins");
        y.setMinorTickVisible(false);
        y.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) { // counts: whole numbers only
                double v = n.doubleValue();
                return Math.abs(v - Math.rint(v)) < 1e-9 ? String.valueOf(Math.round(v)) : "";
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
        chart.setTitle("Check-ins per day");
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
        fc.setTitle("Export attendance");
        fc.setInitialFileName(base + "-" + vm.fromProperty().get() + "-" + vm.toProperty().get() + "." + ext);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.equals("csv") ? "CSV files"
                : "Excel workbooks", "*." + ext));
        return java.util.Optional.ofNullable(fc.showSaveDialog(getScene().getWindow()));
    }

    private void correctDialog(AttendanceViewModel vm, CheckInEvent ev) {
        if (ev == null) {
            return;
        }
        EventForm form = new EventForm(ev.at().atZone(vm.zone()).toLocalDate(), TIME.format(ev.at().atZone(vm.zone())),
                ev.direction(), null);
        form.show("Correct check-in of " + ev.name(), "Save correction").ifPresent(r -> {
            try {
                vm.correct(ev, r.day, LocalTime.parse(r.time), r.direction, r.reason);
            } catch (DateTimeParseException e) {
                vm.statusProperty().set("Time '" + r.time + "' is not HH:mm");
            }
        });
    }

    private void addDialog(AttendanceViewModel vm) {
        DaySummary sel = days.getSelectionModel().getSelectedItem();
        EventForm form = new EventForm(sel == null ? LocalDate.now(vm.zone()) : sel.date(), "17:00", Direction.OUT,
                sel == null ? "" : sel.code());
        form.show("Add a missed check-in or checkout", "Add").ifPresent(r -> {
            try {
                vm.addMissed(r.code, r.day, LocalTime.parse(r.time), r.direction, r.reason);
            } catch (DateTimeParseException e) {
                vm.statusProperty().set("Time '" + r.time + "' is not HH:mm");
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
            day = new DatePicker(d);
            time = new TextField(t);
            time.setId("event-time");
            dir.getItems().setAll(Direction.values());
            dir.setValue(direction);
            reason.setId("event-reason");
            reason.setPromptText("Why (required, kept in the audit log)");
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
                code.setPromptText("Employee code");
                g.addRow(r++, new Label("Employee code"), code);
            }
            g.addRow(r++, new Label("Date"), day);
            g.addRow(r++, new Label("Time (HH:mm)"), time);
            g.addRow(r++, new Label("Direction"), dir);
            g.addRow(r, new Label("Reason"), reason);
            d.getDialogPane().setContent(g);
            ButtonType save = new ButtonType(ok, ButtonBar.ButtonData.OK_DONE);
            d.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
            d.getDialogPane().lookupButton(save).disableProperty().bind(reason.textProperty().isEmpty());
            return d.showAndWait().filter(b -> b == save).map(b -> new Result(code == null ? null : code.getText().strip(),
                    day.getValue(), time.getText().strip(), dir.getValue(), reason.getText()));
        }
    }
}

package io.facecheck.ui.admin;

import io.facecheck.timesheet.ScheduleAssignment;
import io.facecheck.timesheet.Shift;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Schedules page: the shifts (list, add, edit as a new shift) above, who works which below (assign a shift to an
 * employee or a department for weekdays from a date, the current assignments, roster import).
 */
public final class SchedulesView extends BorderPane {
    private final TableView<Shift> shifts = new TableView<>();
    private final TableView<ScheduleAssignment> assignments = new TableView<>();
    private final SchedulesViewModel vm;
    // the shift form
    private final TextField name = field("shift-name", "Name", 110);
    private final TextField start = field("shift-start", "HH:mm", 60);
    private final TextField end = field("shift-end", "HH:mm", 60);
    private final TextField graceIn = field("shift-grace-in", "min", 45);
    private final TextField graceOut = field("shift-grace-out", "min", 45);
    private final TextField breakMin = field("shift-break", "min", 45);
    private final TextField overtimeAfter = field("shift-overtime-after", "min", 45);
    private final CheckBox flexible = new CheckBox("Flexible");
    private final TextField hours = field("shift-hours", "hours", 50);
    // the assignment form
    private final ChoiceBox<String> target = new ChoiceBox<>();
    private final TextField who = field("assign-who", "Employee code", 120);
    private final ChoiceBox<String> shiftChoice = new ChoiceBox<>();
    private final Map<DayOfWeek, CheckBox> days = new EnumMap<>(DayOfWeek.class);
    private final DatePicker from = new DatePicker(LocalDate.now());

    public SchedulesView(SchedulesViewModel vm) {
        this.vm = vm;
        getStyleClass().add("page");
        setId("schedules");

        shifts.setId("shifts-table");
        shifts.setItems(vm.shifts());
        shifts.getColumns().add(EmployeesView.col("Shift", Shift::name, 130));
        shifts.getColumns().add(EmployeesView.col("Kind", s -> s.flexible() ? "flexible" : "fixed", 70));
        shifts.getColumns().add(EmployeesView.col("Start", s -> (s.flexible() ? "earliest " : "") + s.start(), 110));
        shifts.getColumns().add(EmployeesView.col("End", s -> (s.flexible() ? "latest " : "") + s.end()
                + (!s.flexible() && s.crossesMidnight() ? " (next day)" : ""), 130));
        shifts.getColumns().add(EmployeesView.col("Hours", s -> s.flexible()
                ? String.format(Locale.ROOT, "%.2f", s.requiredMinutes() / 60.0) : "", 60));
        shifts.getColumns().add(EmployeesView.col("Grace in/out", s -> s.flexible() ? ""
                : s.graceInMinutes() + " / " + s.graceOutMinutes() + " min", 100));
        shifts.getColumns().add(EmployeesView.col("Break", s -> s.breakMinutes() + " min", 70));
        shifts.getColumns().add(EmployeesView.col("Overtime after", s -> s.overtimeAfterMinutes() + " min", 110));
        shifts.setPlaceholder(new Label("No shifts yet: add one below."));

        flexible.setId("shift-flexible");
        hours.disableProperty().bind(flexible.selectedProperty().not());
        graceIn.disableProperty().bind(flexible.selectedProperty());
        graceOut.disableProperty().bind(flexible.selectedProperty());
        graceIn.setText("5");
        graceOut.setText("5");
        breakMin.setText("30");
        overtimeAfter.setText(String.valueOf(Shift.DEFAULT_OVERTIME_AFTER_MINUTES));
        Button add = new Button("Add shift");
        add.setId("shift-add");
        add.setOnAction(e -> addShift());
        Button edit = new Button("Edit as new…");
        edit.setId("shift-edit");
        edit.disableProperty().bind(shifts.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> fill(shifts.getSelectionModel().getSelectedItem()));
        FlowPane shiftForm = form(new Label("Name"), name, new Label("Start"), start, new Label("End"), end,
                new Label("Grace in"), graceIn, new Label("out"), graceOut, new Label("Break"), breakMin,
                new Label("Overtime after"), overtimeAfter, flexible, new Label("Hours"), hours, add, edit);
        Label keep = new Label("A shift is never changed, so past months keep their figures: \"Edit as new\" fills "
                + "the form from the selected shift; save it under a new name and assign it from the date it applies.");
        keep.getStyleClass().add("hint-text");
        keep.setWrapText(true);
        VBox top = new VBox(6, title("Shifts"), shifts, shiftForm, keep);

        assignments.setId("assignments-table");
        assignments.setItems(vm.assignments());
        assignments.getColumns().add(EmployeesView.col("Who", a -> a.employeeCode() != null ? a.employeeCode()
                : "department " + a.department(), 160));
        assignments.getColumns().add(EmployeesView.col("Shift", ScheduleAssignment::shiftName, 120));
        assignments.getColumns().add(EmployeesView.col("Weekdays", a -> a.days().stream().sorted()
                .map(SchedulesView::shortName).collect(Collectors.joining(" ")), 220));
        assignments.getColumns().add(EmployeesView.col("From", a -> a.effectiveFrom().toString(), 100));
        assignments.setPlaceholder(new Label("Nobody is scheduled: every day is a rest day."));

        target.setId("assign-target");
        target.getItems().setAll("Employee", "Department");
        target.setValue("Employee");
        target.valueProperty().addListener((o, a, b) -> who.setPromptText("Employee".equals(b) ? "Employee code"
                : "Department"));
        shiftChoice.setId("assign-shift");
        vm.shifts().addListener((javafx.collections.ListChangeListener<Shift>) c -> {
            String was = shiftChoice.getValue();
            shiftChoice.getItems().setAll(vm.shifts().stream().map(Shift::name).toList());
            shiftChoice.getItems().add(Shift.OFF);
            shiftChoice.setValue(was != null && shiftChoice.getItems().contains(was) ? was : null);
        });
        HBox dayBoxes = new HBox(4);
        for (DayOfWeek d : DayOfWeek.values()) {
            CheckBox b = new CheckBox(shortName(d));
            b.setId("assign-" + d.name().toLowerCase(Locale.ROOT).substring(0, 3));
            b.setSelected(d.getValue() <= 5);
            days.put(d, b);
            dayBoxes.getChildren().add(b);
        }
        from.setId("assign-from");
        from.setPrefWidth(130);
        Button assign = new Button("Assign");
        assign.setId("assign-save");
        assign.setOnAction(e -> assign());
        Button roster = new Button("Import roster…");
        roster.setId("roster-import");
        roster.setOnAction(e -> chooseRoster());
        FlowPane assignForm = form(target, who, new Label("works"), shiftChoice, new Label("on"), dayBoxes,
                new Label("from"), from, assign, roster);
        Label rosterHint = new Label("A roster file has rows code,date,shift (shift OFF for a rest day); it wins over "
                + "the weekly schedule on its dates.");
        rosterHint.getStyleClass().add("hint-text");
        VBox bottom = new VBox(6, title("Who works which"), assignments, assignForm, rosterHint);

        SplitPane split = new SplitPane(top, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        setCenter(split);

        Label status = new Label();
        status.setId("schedules-status");
        status.getStyleClass().add("hint-text");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        status.setPadding(new Insets(8, 0, 0, 0));
        setBottom(status);
    }

    private void addShift() {
        try {
            LocalTime s = LocalTime.parse(start.getText().strip());
            LocalTime e = LocalTime.parse(end.getText().strip());
            int brk = minutes(breakMin, "break");
            int ot = minutes(overtimeAfter, "overtime after");
            if (flexible.isSelected()) {
                vm.addFlexible(name.getText().strip(), number(hours, "hours"), s, e, brk, ot);
            } else {
                vm.addFixed(name.getText().strip(), s, e, minutes(graceIn, "grace in"), minutes(graceOut, "grace out"),
                        brk, ot);
            }
        } catch (DateTimeParseException ex) {
            vm.statusProperty().set("Start and end are times like 09:00, not '" + ex.getParsedString() + "'");
        } catch (IllegalArgumentException ex) {
            vm.statusProperty().set(ex.getMessage());
        }
    }

    private void fill(Shift s) {
        if (s == null) {
            return;
        }
        name.setText(s.name() + " (new)");
        start.setText(s.start().toString());
        end.setText(s.end().toString());
        graceIn.setText(String.valueOf(s.graceInMinutes()));
        graceOut.setText(String.valueOf(s.graceOutMinutes()));
        breakMin.setText(String.valueOf(s.breakMinutes()));
        overtimeAfter.setText(String.valueOf(s.overtimeAfterMinutes()));
        flexible.setSelected(s.flexible());
        hours.setText(s.flexible() ? String.format(Locale.ROOT, "%.2f", s.requiredMinutes() / 60.0) : "");
        name.requestFocus();
    }

    private void assign() {
        Set<DayOfWeek> chosen = EnumSet.noneOf(DayOfWeek.class);
        days.forEach((d, b) -> {
            if (b.isSelected()) {
                chosen.add(d);
            }
        });
        String w = who.getText().strip();
        if (w.isEmpty() || shiftChoice.getValue() == null || chosen.isEmpty() || from.getValue() == null) {
            vm.statusProperty().set("Choose who, a shift, at least one weekday and the first date");
            return;
        }
        boolean employee = "Employee".equals(target.getValue());
        vm.assign(employee ? w : null, employee ? null : w, shiftChoice.getValue(), chosen, from.getValue());
    }

    private void chooseRoster() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Import a roster (code,date,shift)");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File f = fc.showOpenDialog(getScene().getWindow());
        if (f != null) {
            vm.importRoster(f.toPath());
        }
    }

    private static int minutes(TextField f, String what) {
        String t = f.getText().strip();
        try {
            return t.isEmpty() ? 0 : Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is a number of minutes, not '" + t + "'");
        }
    }

    private static double number(TextField f, String what) {
        String t = f.getText().strip();
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is a number such as 7.5, not '" + t + "'");
        }
    }

    static String shortName(DayOfWeek d) {
        return d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    static TextField field(String id, String prompt, double width) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefWidth(width);
        return f;
    }

    static FlowPane form(javafx.scene.Node... nodes) {
        FlowPane p = new FlowPane(8, 6, nodes);
        p.setAlignment(Pos.CENTER_LEFT);
        p.setPadding(new Insets(4, 0, 4, 0));
        return p;
    }

    static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    public TableView<Shift> shiftTable() {
        return shifts;
    }

    public TableView<ScheduleAssignment> assignmentTable() {
        return assignments;
    }
}

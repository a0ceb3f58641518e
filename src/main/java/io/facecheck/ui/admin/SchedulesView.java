package io.facecheck.ui.admin;

import io.facecheck.config.Messages;
import io.facecheck.timesheet.ScheduleAssignment;
import io.facecheck.timesheet.Shift;
import io.facecheck.ui.I18n;
import io.facecheck.ui.I18n.Text;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
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
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.facecheck.ui.admin.TimesheetUi.button;
import static io.facecheck.ui.admin.TimesheetUi.column;
import static io.facecheck.ui.admin.TimesheetUi.field;
import static io.facecheck.ui.admin.TimesheetUi.form;
import static io.facecheck.ui.admin.TimesheetUi.label;
import static io.facecheck.ui.admin.TimesheetUi.title;

/**
 * Schedules page: the shifts (list, add, edit as a new shift) above, who works which below (assign a shift to an
 * employee or a department for weekdays from a date, the current assignments, roster import).
 */
public final class SchedulesView extends BorderPane {
    /** Whom an assignment is for. */
    private enum Target { EMPLOYEE, DEPARTMENT }

    private final TableView<Shift> shifts = new TableView<>();
    private final TableView<ScheduleAssignment> assignments = new TableView<>();
    private final SchedulesViewModel vm;
    // the shift form
    private final TextField name = field("shift-name", "timesheet.schedules.prompt.name", 110);
    private final TextField start = field("shift-start", "timesheet.schedules.prompt.time", 60);
    private final TextField end = field("shift-end", "timesheet.schedules.prompt.time", 60);
    private final TextField graceIn = field("shift-grace-in", "timesheet.schedules.prompt.minutes", 45);
    private final TextField graceOut = field("shift-grace-out", "timesheet.schedules.prompt.minutes", 45);
    private final TextField breakMin = field("shift-break", "timesheet.schedules.prompt.minutes", 45);
    private final TextField overtimeAfter = field("shift-overtime-after", "timesheet.schedules.prompt.minutes", 45);
    private final CheckBox flexible = new CheckBox();
    private final TextField hours = field("shift-hours", "timesheet.schedules.prompt.hours", 50);
    // the assignment form
    private final ChoiceBox<Target> target = new ChoiceBox<>();
    private final TextField who = new TextField();
    private final ChoiceBox<String> shiftChoice = new ChoiceBox<>();
    private final Map<DayOfWeek, CheckBox> days = new EnumMap<>(DayOfWeek.class);
    private final DatePicker from = new DatePicker(LocalDate.now());

    public SchedulesView(SchedulesViewModel vm) {
        this.vm = vm;
        getStyleClass().add("page");
        setId("schedules");

        shifts.setId("shifts-table");
        shifts.setItems(vm.shifts());
        shifts.getColumns().add(column("timesheet.schedules.column.shift", Shift::name, 130));
        shifts.getColumns().add(column("timesheet.schedules.column.kind", s -> Messages.get(s.flexible()
                ? "timesheet.schedules.kind.flexible" : "timesheet.schedules.kind.fixed"), 70));
        shifts.getColumns().add(column("timesheet.schedules.column.start", s -> s.flexible()
                ? Messages.get("timesheet.schedules.earliest", s.start().toString()) : s.start().toString(), 110));
        shifts.getColumns().add(column("timesheet.schedules.column.end", s -> s.flexible()
                ? Messages.get("timesheet.schedules.latest", s.end().toString())
                : s.crossesMidnight() ? Messages.get("timesheet.schedules.next-day", s.end().toString())
                : s.end().toString(), 130));
        shifts.getColumns().add(column("timesheet.schedules.column.hours", s -> s.flexible()
                ? TimesheetUi.hours(s.requiredMinutes()) : "", 60));
        shifts.getColumns().add(column("timesheet.schedules.column.grace", s -> s.flexible() ? ""
                : Messages.get("timesheet.schedules.grace", s.graceInMinutes(), s.graceOutMinutes()), 100));
        shifts.getColumns().add(column("timesheet.schedules.column.break", s -> minutes(s.breakMinutes()), 70));
        shifts.getColumns().add(column("timesheet.schedules.column.overtime-after",
                s -> minutes(s.overtimeAfterMinutes()), 110));
        shifts.setPlaceholder(label("timesheet.schedules.shifts.none"));

        flexible.setId("shift-flexible");
        flexible.textProperty().bind(I18n.text("timesheet.schedules.flexible"));
        hours.disableProperty().bind(flexible.selectedProperty().not());
        graceIn.disableProperty().bind(flexible.selectedProperty());
        graceOut.disableProperty().bind(flexible.selectedProperty());
        graceIn.setText("5");
        graceOut.setText("5");
        breakMin.setText("30");
        overtimeAfter.setText(String.valueOf(Shift.DEFAULT_OVERTIME_AFTER_MINUTES));
        Button add = button("shift-add", "timesheet.schedules.add");
        add.setOnAction(e -> addShift());
        Button edit = button("shift-edit", "timesheet.schedules.edit");
        edit.disableProperty().bind(shifts.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> fill(shifts.getSelectionModel().getSelectedItem()));
        FlowPane shiftForm = form(label("timesheet.schedules.name"), name, label("timesheet.schedules.start"), start,
                label("timesheet.schedules.end"), end, label("timesheet.schedules.grace-in"), graceIn,
                label("timesheet.schedules.grace-out"), graceOut, label("timesheet.schedules.break"), breakMin,
                label("timesheet.schedules.overtime-after"), overtimeAfter, flexible,
                label("timesheet.schedules.hours"), hours, add, edit);
        Label keep = label("timesheet.schedules.keep-hint");
        keep.setMinWidth(Label.USE_COMPUTED_SIZE);
        keep.setMinHeight(Label.USE_PREF_SIZE); // the table gives up the room, not the sentence
        keep.getStyleClass().add("hint-text");
        keep.setWrapText(true);
        VBox top = new VBox(6, title("timesheet.schedules.shifts"), shifts, shiftForm, keep);

        assignments.setId("assignments-table");
        assignments.setItems(vm.assignments());
        assignments.getColumns().add(column("timesheet.schedules.column.who", a -> a.employeeCode() != null
                ? a.employeeCode() : Messages.get("timesheet.schedules.department", a.department()), 160));
        assignments.getColumns().add(column("timesheet.schedules.column.shift", ScheduleAssignment::shiftName, 120));
        assignments.getColumns().add(column("timesheet.schedules.column.weekdays", a -> a.days().stream().sorted()
                .map(TimesheetUi::weekday).collect(Collectors.joining(" ")), 250));
        assignments.getColumns().add(column("timesheet.schedules.column.from",
                a -> TimesheetUi.date(a.effectiveFrom()), 130));
        assignments.setPlaceholder(label("timesheet.schedules.assignments.none"));
        TimesheetUi.rerenderOnLanguageSwitch(shifts, assignments);

        target.setId("assign-target");
        target.getItems().setAll(Target.values());
        target.setValue(Target.EMPLOYEE);
        TimesheetUi.localize(target, t -> Messages.get(t == Target.EMPLOYEE ? "timesheet.schedules.target.employee"
                : "timesheet.schedules.target.department"));
        who.setId("assign-who");
        who.setPrefWidth(120);
        who.promptTextProperty().bind(I18n.format(() -> Messages.get(target.getValue() == Target.EMPLOYEE
                ? "timesheet.schedules.prompt.code" : "timesheet.schedules.prompt.department"), target.valueProperty()));
        shiftChoice.setId("assign-shift");
        shiftChoice.getStyleClass().add(TimesheetUi.DATA);
        TimesheetUi.localize(shiftChoice, s -> Shift.OFF.equals(s) ? Messages.get("timesheet.schedules.off") : s);
        vm.shifts().addListener((javafx.collections.ListChangeListener<Shift>) c -> {
            String was = shiftChoice.getValue();
            shiftChoice.getItems().setAll(vm.shifts().stream().map(Shift::name).toList());
            shiftChoice.getItems().add(Shift.OFF);
            shiftChoice.setValue(was != null && shiftChoice.getItems().contains(was) ? was : null);
        });
        HBox dayBoxes = new HBox(4);
        for (DayOfWeek d : DayOfWeek.values()) {
            CheckBox b = new CheckBox();
            b.textProperty().bind(I18n.format(() -> TimesheetUi.weekday(d)));
            b.setMinWidth(CheckBox.USE_PREF_SIZE);
            b.setId("assign-" + d.name().toLowerCase(Locale.ROOT).substring(0, 3));
            b.setSelected(d.getValue() <= 5);
            days.put(d, b);
            dayBoxes.getChildren().add(b);
        }
        from.setId("assign-from");
        from.setPrefWidth(130);
        Button assign = button("assign-save", "timesheet.schedules.assign");
        assign.setOnAction(e -> assign());
        Button roster = button("roster-import", "timesheet.schedules.roster");
        roster.setOnAction(e -> chooseRoster());
        FlowPane assignForm = form(target, who, label("timesheet.schedules.works"), shiftChoice,
                label("timesheet.schedules.on"), dayBoxes, label("timesheet.schedules.from"), from, assign, roster);
        Label rosterHint = label("timesheet.schedules.roster-hint");
        rosterHint.setMinWidth(Label.USE_COMPUTED_SIZE);
        rosterHint.setMinHeight(Label.USE_PREF_SIZE); // the table gives up the room, not the sentence
        rosterHint.setWrapText(true);
        rosterHint.getStyleClass().add("hint-text");
        VBox bottom = new VBox(6, title("timesheet.schedules.who-works"), assignments, assignForm, rosterHint);

        SplitPane split = new SplitPane(top, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        setCenter(split);

        Label status = new Label();
        status.setId("schedules-status");
        status.getStyleClass().add("hint-text");
        status.setWrapText(true);
        status.textProperty().bind(I18n.text(vm.statusProperty()));
        status.setPadding(new Insets(8, 0, 0, 0));
        setBottom(status);
    }

    private static String minutes(int m) {
        return Messages.get("timesheet.minutes", m);
    }

    private void addShift() {
        try {
            LocalTime s = LocalTime.parse(start.getText().strip());
            LocalTime e = LocalTime.parse(end.getText().strip());
            int brk = minutes(breakMin, "timesheet.schedules.break");
            int ot = minutes(overtimeAfter, "timesheet.schedules.overtime-after");
            if (flexible.isSelected()) {
                vm.addFlexible(name.getText().strip(), number(hours), s, e, brk, ot);
            } else {
                vm.addFixed(name.getText().strip(), s, e, minutes(graceIn, "timesheet.schedules.grace-in"),
                        minutes(graceOut, "timesheet.schedules.grace-out"), brk, ot);
            }
        } catch (DateTimeParseException ex) {
            vm.statusProperty().set(Text.of("timesheet.schedules.error.time", ex.getParsedString()));
        } catch (BadNumber ex) {
            vm.statusProperty().set(ex.text);
        } catch (IllegalArgumentException ex) {
            vm.statusProperty().set(Text.of("timesheet.not-saved", ex.getLocalizedMessage()));
        }
    }

    private void fill(Shift s) {
        if (s == null) {
            return;
        }
        name.setText(Messages.get("timesheet.schedules.copy-name", s.name()));
        start.setText(s.start().toString());
        end.setText(s.end().toString());
        graceIn.setText(String.valueOf(s.graceInMinutes()));
        graceOut.setText(String.valueOf(s.graceOutMinutes()));
        breakMin.setText(String.valueOf(s.breakMinutes()));
        overtimeAfter.setText(String.valueOf(s.overtimeAfterMinutes()));
        flexible.setSelected(s.flexible());
        // typed back in by the administrator, so in the digits parseDouble reads
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
            vm.statusProperty().set(Text.of("timesheet.schedules.error.incomplete"));
            return;
        }
        boolean employee = target.getValue() == Target.EMPLOYEE;
        vm.assign(employee ? w : null, employee ? null : w, shiftChoice.getValue(), chosen, from.getValue());
    }

    private void chooseRoster() {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("timesheet.schedules.roster.title"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("timesheet.files.csv"), "*.csv"));
        File f = fc.showOpenDialog(getScene().getWindow());
        if (f != null) {
            vm.importRoster(f.toPath());
        }
    }

    /** A number the administrator typed that is not one; says which field, in the current language. */
    private static final class BadNumber extends RuntimeException {
        private final Text text;

        BadNumber(Text text) {
            super(text.in(Locale.ENGLISH));
            this.text = text;
        }
    }

    private static int minutes(TextField f, String fieldKey) {
        String t = f.getText().strip();
        try {
            return t.isEmpty() ? 0 : Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new BadNumber(Text.of("timesheet.schedules.error.minutes", Text.of(fieldKey), t));
        }
    }

    private static double number(TextField f) {
        String t = f.getText().strip();
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new BadNumber(Text.of("timesheet.schedules.error.hours", t));
        }
    }

    public TableView<Shift> shiftTable() {
        return shifts;
    }

    public TableView<ScheduleAssignment> assignmentTable() {
        return assignments;
    }
}

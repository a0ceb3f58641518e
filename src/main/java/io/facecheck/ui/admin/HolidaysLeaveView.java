package io.facecheck.ui.admin;

import io.facecheck.timesheet.Holiday;
import io.facecheck.timesheet.Leave;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.time.LocalDate;
import java.util.Locale;

import static io.facecheck.ui.admin.SchedulesView.field;
import static io.facecheck.ui.admin.SchedulesView.form;
import static io.facecheck.ui.admin.SchedulesView.title;

/** Holidays &amp; leave page: the year's holiday calendar on the left, the employees' leave on the right. */
public final class HolidaysLeaveView extends BorderPane {
    private final TableView<Holiday> holidays = new TableView<>();
    private final TableView<Leave> leave = new TableView<>();

    public HolidaysLeaveView(HolidaysLeaveViewModel vm) {
        getStyleClass().add("page");
        setId("holidays-leave");
        Spinner<Integer> year = new Spinner<>(2000, 2100, vm.yearProperty().get());
        year.setId("holidays-year");
        year.setPrefWidth(90);
        year.valueProperty().addListener((o, a, b) -> {
            vm.yearProperty().set(b);
            vm.reload();
        });
        HBox bar = new HBox(8, new Label("Year"), year);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 10, 0));
        setTop(bar);

        holidays.setId("holidays-table");
        holidays.setItems(vm.holidays());
        holidays.getColumns().add(EmployeesView.col("Date", h -> h.date().toString(), 100));
        holidays.getColumns().add(EmployeesView.col("Day", h -> SchedulesView.shortName(h.date().getDayOfWeek()), 50));
        holidays.getColumns().add(EmployeesView.col("Holiday", Holiday::name, 220));
        holidays.setPlaceholder(new Label("No holidays this year"));
        DatePicker date = new DatePicker();
        date.setId("holiday-date");
        date.setPrefWidth(130);
        TextField name = field("holiday-name", "Name", 160);
        Button add = new Button("Add holiday");
        add.setId("holiday-add");
        add.setOnAction(e -> {
            if (date.getValue() == null || name.getText().isBlank()) {
                vm.statusProperty().set("A holiday needs a date and a name");
                return;
            }
            vm.addHoliday(date.getValue(), name.getText().strip());
        });
        Button remove = new Button("Remove");
        remove.setId("holiday-remove");
        remove.disableProperty().bind(holidays.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.removeHoliday(holidays.getSelectionModel().getSelectedItem()));
        Button ics = new Button("Import .ics…");
        ics.setId("holiday-import");
        ics.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Import holidays from an iCalendar file");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("iCalendar", "*.ics"));
            File f = fc.showOpenDialog(getScene().getWindow());
            if (f != null) {
                vm.importIcs(f.toPath());
            }
        });
        VBox left = new VBox(6, title("Holidays"), holidays, form(date, name, add), form(remove, ics));

        leave.setId("leave-table");
        leave.setItems(vm.leave());
        leave.getColumns().add(EmployeesView.col("Code", Leave::employeeCode, 80));
        leave.getColumns().add(EmployeesView.col("From", l -> l.from().toString(), 95));
        leave.getColumns().add(EmployeesView.col("To", l -> l.to().toString(), 95));
        leave.getColumns().add(EmployeesView.col("Type", Leave::type, 80));
        leave.getColumns().add(EmployeesView.col("Hours", l -> l.fullDays() ? "full days"
                : String.format(Locale.ROOT, "%.2f", l.minutes() / 60.0), 80));
        leave.setPlaceholder(new Label("No leave this year"));
        TextField code = field("leave-code", "Employee code", 110);
        DatePicker from = new DatePicker();
        from.setId("leave-from");
        from.setPrefWidth(130);
        DatePicker to = new DatePicker();
        to.setId("leave-to");
        to.setPrefWidth(130);
        from.valueProperty().addListener((o, a, b) -> {
            if (to.getValue() == null || b != null && to.getValue().isBefore(b)) {
                to.setValue(b);
            }
        });
        ChoiceBox<String> type = new ChoiceBox<>(vm.leaveTypes());
        type.setId("leave-type");
        vm.leaveTypes().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (type.getValue() == null && !vm.leaveTypes().isEmpty()) {
                type.setValue(vm.leaveTypes().get(0));
            }
        });
        TextField hours = field("leave-hours", "hours (empty: full days)", 150);
        Button addLeave = new Button("Add leave");
        addLeave.setId("leave-add");
        addLeave.setOnAction(e -> {
            if (code.getText().isBlank() || from.getValue() == null || to.getValue() == null || type.getValue() == null) {
                vm.statusProperty().set("Leave needs an employee code, the dates and a type");
                return;
            }
            Double h;
            try {
                h = hours.getText().isBlank() ? null : Double.valueOf(hours.getText().strip());
            } catch (NumberFormatException ex) {
                vm.statusProperty().set("Hours are a number such as 2.5, not '" + hours.getText().strip() + "'");
                return;
            }
            vm.addLeave(code.getText().strip(), from.getValue(), to.getValue(), type.getValue(), h);
        });
        VBox right = new VBox(6, title("Leave"), leave, form(code, new Label("from"), from, new Label("to"), to),
                form(type, hours, addLeave));

        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.42);
        setCenter(split);

        Label status = new Label();
        status.setId("holidays-status");
        status.getStyleClass().add("hint-text");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        status.setPadding(new Insets(8, 0, 0, 0));
        setBottom(status);
    }

    public TableView<Holiday> holidayTable() {
        return holidays;
    }

    public TableView<Leave> leaveTable() {
        return leave;
    }
}

package io.facecheck.ui.admin;

import io.facecheck.config.Messages;
import io.facecheck.timesheet.Holiday;
import io.facecheck.timesheet.Leave;
import io.facecheck.ui.I18n;
import io.facecheck.ui.I18n.Text;
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

import static io.facecheck.ui.admin.TimesheetUi.button;
import static io.facecheck.ui.admin.TimesheetUi.column;
import static io.facecheck.ui.admin.TimesheetUi.field;
import static io.facecheck.ui.admin.TimesheetUi.form;
import static io.facecheck.ui.admin.TimesheetUi.label;
import static io.facecheck.ui.admin.TimesheetUi.title;

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
        HBox bar = new HBox(8, label("timesheet.holidays.year"), year);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 10, 0));
        setTop(bar);

        holidays.setId("holidays-table");
        holidays.setItems(vm.holidays());
        holidays.getColumns().add(column("timesheet.holidays.column.date", h -> TimesheetUi.date(h.date()), 130));
        holidays.getColumns().add(column("timesheet.holidays.column.day", h -> TimesheetUi.weekday(h.date().getDayOfWeek()), 50));
        holidays.getColumns().add(column("timesheet.holidays.column.holiday", Holiday::name, 220));
        holidays.setPlaceholder(label("timesheet.holidays.none"));
        DatePicker date = new DatePicker();
        date.setId("holiday-date");
        date.setPrefWidth(130);
        TextField name = field("holiday-name", "timesheet.holidays.prompt.name", 160);
        Button add = button("holiday-add", "timesheet.holidays.add");
        add.setOnAction(e -> {
            if (date.getValue() == null || name.getText().isBlank()) {
                vm.statusProperty().set(Text.of("timesheet.holidays.error.incomplete"));
                return;
            }
            vm.addHoliday(date.getValue(), name.getText().strip());
        });
        Button remove = button("holiday-remove", "timesheet.holidays.remove");
        remove.disableProperty().bind(holidays.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.removeHoliday(holidays.getSelectionModel().getSelectedItem()));
        Button ics = button("holiday-import", "timesheet.holidays.import");
        ics.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(Messages.get("timesheet.holidays.import.title"));
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("timesheet.files.ics"), "*.ics"));
            File f = fc.showOpenDialog(getScene().getWindow());
            if (f != null) {
                vm.importIcs(f.toPath());
            }
        });
        VBox left = new VBox(6, title("timesheet.holidays.title"), holidays, form(date, name, add), form(remove, ics));

        leave.setId("leave-table");
        leave.setItems(vm.leave());
        leave.getColumns().add(column("timesheet.leave.column.code", Leave::employeeCode, 80));
        leave.getColumns().add(column("timesheet.leave.column.from", l -> TimesheetUi.date(l.from()), 125));
        leave.getColumns().add(column("timesheet.leave.column.to", l -> TimesheetUi.date(l.to()), 125));
        leave.getColumns().add(column("timesheet.leave.column.type", Leave::type, 80));
        leave.getColumns().add(column("timesheet.leave.column.hours", l -> l.fullDays()
                ? Messages.get("timesheet.leave.full-days") : TimesheetUi.hours(l.minutes()), 80));
        leave.setPlaceholder(label("timesheet.leave.none"));
        TimesheetUi.rerenderOnLanguageSwitch(holidays, leave);
        TextField code = field("leave-code", "timesheet.leave.prompt.code", 110);
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
        type.getStyleClass().add(TimesheetUi.DATA);
        vm.leaveTypes().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (type.getValue() == null && !vm.leaveTypes().isEmpty()) {
                type.setValue(vm.leaveTypes().get(0));
            }
        });
        TextField hours = field("leave-hours", "timesheet.leave.prompt.hours", 150);
        Button addLeave = button("leave-add", "timesheet.leave.add");
        addLeave.setOnAction(e -> {
            if (code.getText().isBlank() || from.getValue() == null || to.getValue() == null || type.getValue() == null) {
                vm.statusProperty().set(Text.of("timesheet.leave.error.incomplete"));
                return;
            }
            Double h;
            try {
                h = hours.getText().isBlank() ? null : Double.valueOf(hours.getText().strip());
            } catch (NumberFormatException ex) {
                vm.statusProperty().set(Text.of("timesheet.leave.error.hours", hours.getText().strip()));
                return;
            }
            vm.addLeave(code.getText().strip(), from.getValue(), to.getValue(), type.getValue(), h);
        });
        VBox right = new VBox(6, title("timesheet.leave.title"), leave, form(code, label("timesheet.leave.from"), from,
                label("timesheet.leave.to"), to),
                form(type, hours, addLeave));

        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.42);
        setCenter(split);

        Label status = new Label();
        status.setId("holidays-status");
        status.getStyleClass().add("hint-text");
        status.setWrapText(true);
        status.textProperty().bind(I18n.text(vm.statusProperty()));
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

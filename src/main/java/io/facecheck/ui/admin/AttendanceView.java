package io.facecheck.ui.admin;

import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Direction;
import javafx.geometry.Insets;
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
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.geometry.Orientation;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Attendance tab: date range, events table, check-ins per day chart, correction and export. */
public final class AttendanceView extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final TableView<CheckInEvent> table = new TableView<>();

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
        Button correct = new Button("Correct…");
        correct.setId("attendance-correct");
        correct.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        correct.setOnAction(e -> correctDialog(vm, table.getSelectionModel().getSelectedItem()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("From"), from, new Label("to"), to, show, spacer, correct);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 10, 0));
        setTop(bar);

        table.setId("event-table");
        table.setItems(vm.events());
        table.getColumns().add(EmployeesView.col("Date", ev -> ev.at().atZone(vm.zone()).toLocalDate().toString(), 110));
        table.getColumns().add(EmployeesView.col("Time", ev -> TIME.format(ev.at().atZone(vm.zone())), 70));
        table.getColumns().add(EmployeesView.col("Code", CheckInEvent::code, 100));
        table.getColumns().add(EmployeesView.col("Name", CheckInEvent::name, 200));
        table.getColumns().add(EmployeesView.col("Direction", ev -> ev.direction().name(), 80));
        table.getColumns().add(EmployeesView.col("Kiosk", ev -> ev.kioskId() == null ? "" : ev.kioskId(), 90));
        table.getColumns().add(EmployeesView.col("Correction", ev -> ev.correctionReason() == null ? ""
                : ev.correctionReason() + " (" + ev.correctedBy() + ")", 220));
        table.setPlaceholder(new Label("No check-ins in this range"));

        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel("Check-ins");
        y.setMinorTickVisible(false);
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("attendance-chart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setTitle("Check-ins per day");
        XYChart.Series<String, Number> series = new XYChart.Series<>(vm.perDay());
        chart.getData().add(series);
        chart.setMinHeight(200);

        SplitPane split = new SplitPane(table, chart);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        setCenter(split);

        Label status = new Label();
        status.setId("attendance-status");
        status.getStyleClass().add("hint-text");
        status.textProperty().bind(vm.statusProperty());
        status.setPadding(new Insets(8, 0, 0, 0));
        setBottom(status);
    }

    public TableView<CheckInEvent> table() {
        return table;
    }

    private void correctDialog(AttendanceViewModel vm, CheckInEvent ev) {
        if (ev == null) {
            return;
        }
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Correct check-in of " + ev.name());
        DatePicker day = new DatePicker(ev.at().atZone(vm.zone()).toLocalDate());
        TextField time = new TextField(TIME.format(ev.at().atZone(vm.zone())));
        time.setId("correct-time");
        ChoiceBox<Direction> dir = new ChoiceBox<>();
        dir.getItems().setAll(Direction.values());
        dir.setValue(ev.direction());
        TextField reason = new TextField();
        reason.setId("correct-reason");
        reason.setPromptText("Why (required, kept in the audit log)");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("Date"), day);
        g.addRow(1, new Label("Time (HH:mm)"), time);
        g.addRow(2, new Label("Direction"), dir);
        g.addRow(3, new Label("Reason"), reason);
        d.getDialogPane().setContent(g);
        ButtonType save = new ButtonType("Save correction", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(save).disableProperty().bind(reason.textProperty().isEmpty());
        d.showAndWait().filter(b -> b == save).ifPresent(b -> {
            try {
                vm.correct(ev, day.getValue(), LocalTime.parse(time.getText().strip()), dir.getValue(), reason.getText());
            } catch (DateTimeParseException e) {
                vm.statusProperty().set("Time '" + time.getText() + "' is not HH:mm");
            }
        });
    }
}

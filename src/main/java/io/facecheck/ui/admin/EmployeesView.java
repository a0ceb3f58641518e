package io.facecheck.ui.admin;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;

import java.util.Optional;

/** Employees tab: search field, filter, table and actions. */
public final class EmployeesView extends BorderPane {
    private final TableView<EmployeeItem> table = new TableView<>();

    public EmployeesView(EmployeesViewModel vm, Runnable openEnrollment) {
        getStyleClass().add("page");
        setId("employees");
        CustomTextField search = (CustomTextField) TextFields.createClearableTextField();
        search.setId("employee-search");
        search.setPromptText("Search code, name or department");
        search.setPrefWidth(320);
        search.textProperty().bindBidirectional(vm.searchProperty());
        ChoiceBox<EmployeesViewModel.Filter> filter = new ChoiceBox<>();
        filter.setId("employee-filter");
        filter.getItems().setAll(EmployeesViewModel.Filter.values());
        filter.valueProperty().bindBidirectional(vm.filterProperty());

        Button enroll = new Button("Enroll new…");
        enroll.setId("enroll-new");
        enroll.getStyleClass().add("primary");
        enroll.setOnAction(e -> openEnrollment.run());
        Button edit = new Button("Edit…");
        edit.setId("employee-edit");
        Button toggle = new Button("Deactivate");
        toggle.setId("employee-toggle");
        Button eraseFace = new Button("Erase face data…");
        eraseFace.setId("employee-erase-face");
        Button delete = new Button("Delete…");
        delete.setId("employee-delete");
        delete.getStyleClass().add("danger");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, search, filter, spacer, enroll, edit, toggle, eraseFace, delete);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 10, 0));
        setTop(bar);

        table.setId("employee-table");
        table.getColumns().add(col("Code", EmployeeItem::code, 120));
        table.getColumns().add(col("Name", EmployeeItem::name, 260));
        table.getColumns().add(col("Department", EmployeeItem::department, 180));
        table.getColumns().add(col("Active", e -> e.active() ? "yes" : "no", 70));
        table.getColumns().add(col("Face samples", e -> Integer.toString(e.templates()), 130));
        table.setItems(vm.shown());
        table.setPlaceholder(new Label("No employees yet — use \"Enroll new…\""));
        setCenter(table);

        Label status = new Label();
        status.setId("employee-status");
        status.getStyleClass().add("hint-text");
        status.textProperty().bind(vm.statusProperty());
        status.setPadding(new Insets(8, 0, 0, 0));
        setBottom(status);

        var selected = table.getSelectionModel().selectedItemProperty();
        edit.disableProperty().bind(selected.isNull());
        toggle.disableProperty().bind(selected.isNull());
        eraseFace.disableProperty().bind(selected.isNull());
        delete.disableProperty().bind(selected.isNull());
        selected.addListener((o, a, s) -> toggle.setText(s != null && !s.active() ? "Activate" : "Deactivate"));
        toggle.setOnAction(e -> {
            EmployeeItem s = selected.get();
            if (s != null && confirm((s.active() ? "Deactivate " : "Activate ") + s.name() + " (" + s.code() + ")?",
                    s.active() ? "They will no longer be recognised at the kiosk. Their records are kept." : "They will be recognised again.")) {
                vm.setActive(s, !s.active());
            }
        });
        eraseFace.setOnAction(e -> {
            EmployeeItem s = selected.get();
            if (s != null && confirm("Erase the face data of " + s.name() + " (" + s.code() + ")?",
                    "This erases their face templates and enrollment photos. The employee and their attendance "
                            + "records are kept (for someone who has left). They are not recognised until enrolled "
                            + "again. It cannot be undone.")) {
                vm.eraseFaceData(s);
            }
        });
        delete.setOnAction(e -> {
            EmployeeItem s = selected.get();
            if (s != null && confirm("Delete " + s.name() + " (" + s.code() + ")?",
                    "This erases the employee, their face templates, enrollment crops and attendance records. It cannot be undone.")) {
                vm.delete(s);
            }
        });
        edit.setOnAction(e -> {
            EmployeeItem s = selected.get();
            if (s != null) {
                editDialog(s).ifPresent(r -> vm.update(s, r[0], r[1], s.active(), r[2], r[3]));
            }
        });
    }

    public TableView<EmployeeItem> table() {
        return table;
    }

    /** A list page's tool bar above its table: a refresh button and a status line beside it. */
    static javafx.scene.layout.HBox refreshBar(javafx.scene.control.Button refresh, javafx.scene.control.Label status) {
        status.getStyleClass().add("hint-text");
        javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(10, refresh, status);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setPadding(new javafx.geometry.Insets(0, 0, 10, 0));
        return bar;
    }

    static <T> TableColumn<T, String> col(String title, java.util.function.Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    static boolean confirm(String header, String text) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        a.setTitle("Please confirm");
        a.setHeaderText(header);
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    private Optional<String[]> editDialog(EmployeeItem item) {
        Dialog<String[]> d = new Dialog<>();
        d.setTitle("Edit " + item.code());
        TextField name = new TextField(item.name());
        name.setId("edit-name");
        TextField dept = new TextField(item.department());
        dept.setId("edit-department");
        TextField greeting = new TextField(item.employee().greetingName());
        greeting.setId("edit-greeting-name");
        greeting.setPromptText(item.name());
        TextField reading = new TextField(item.employee().reading());
        reading.setId("edit-reading");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("Name"), name);
        g.addRow(1, new Label("Department"), dept);
        g.addRow(2, new Label("Greeted as"), greeting);
        g.addRow(3, new Label("Reading"), reading);
        d.getDialogPane().setContent(g);
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        // blank as EmployeeFields sees it (String.isBlank): the full-width space U+3000 an IME types is blank too
        d.getDialogPane().lookupButton(save).disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> name.getText() == null || name.getText().isBlank(), name.textProperty()));
        d.setResultConverter(b -> b == save ? new String[]{name.getText(), dept.getText(), greeting.getText(),
                reading.getText()} : null);
        return d.showAndWait();
    }
}

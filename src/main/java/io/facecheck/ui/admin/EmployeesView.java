package io.facecheck.ui.admin;

import io.facecheck.config.Messages;
import io.facecheck.store.EmployeeOrder;
import io.facecheck.ui.I18n;
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
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;

import java.text.NumberFormat;
import java.util.Optional;

/** Employees tab: search field, filter, table and actions. */
public final class EmployeesView extends BorderPane {
    private final TableView<EmployeeItem> table = new TableView<>();

    public EmployeesView(EmployeesViewModel vm, Runnable openEnrollment) {
        getStyleClass().add("page");
        setId("employees");
        CustomTextField search = (CustomTextField) TextFields.createClearableTextField();
        search.setId("employee-search");
        search.promptTextProperty().bind(I18n.text("admin.employees.search"));
        search.setPrefWidth(320);
        search.textProperty().bindBidirectional(vm.searchProperty());
        ChoiceBox<EmployeesViewModel.Filter> filter = new ChoiceBox<>();
        filter.setId("employee-filter");
        filter.getItems().setAll(EmployeesViewModel.Filter.values());
        Localized.choices(filter, EmployeesViewModel.Filter::label);
        filter.valueProperty().bindBidirectional(vm.filterProperty());

        Button enroll = Localized.button("admin.employees.enroll");
        enroll.setId("enroll-new");
        enroll.getStyleClass().add("primary");
        enroll.setOnAction(e -> openEnrollment.run());
        Button edit = Localized.button("admin.employees.edit");
        edit.setId("employee-edit");
        Button toggle = new Button();
        toggle.setId("employee-toggle");
        toggle.setMinWidth(Button.USE_PREF_SIZE);
        Button eraseFace = Localized.button("admin.employees.erase-face");
        eraseFace.setId("employee-erase-face");
        Button delete = Localized.button("admin.employees.delete");
        delete.setId("employee-delete");
        delete.getStyleClass().add("danger");
        // the actions keep to the right and wrap onto a second row when a language's words do not fit in one
        Button setPin = Localized.button("pin.admin.set");
        setPin.setId("employee-set-pin");
        Button issuePin = Localized.button("pin.admin.issue");
        issuePin.setId("employee-issue-pin");
        FlowPane actions = new FlowPane(8, 6, enroll, edit, toggle, setPin, issuePin, eraseFace, delete);
        actions.setAlignment(Pos.CENTER_RIGHT);
        HBox.setHgrow(actions, Priority.ALWAYS);
        HBox bar = new HBox(8, search, filter, actions);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 10, 0));
        setTop(bar);

        table.setId("employee-table");
        table.getColumns().add(Localized.column("admin.employees.col.code", EmployeeItem::code, 120));
        TableColumn<EmployeeItem, String> nameCol = Localized.column("admin.employees.col.name", EmployeeItem::name, 260);
        // a click on the header sorts names as the language does (pinyin, kana), not by code point
        nameCol.comparatorProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> EmployeeOrder.names(I18n.locale().get()), I18n.locale()));
        table.getColumns().add(nameCol);
        table.getColumns().add(Localized.column("admin.employees.col.reading", e -> e.employee().reading() == null ? ""
                : e.employee().reading(), 160));
        table.getColumns().add(Localized.column("admin.employees.col.department", EmployeeItem::department, 180));
        table.getColumns().add(Localized.column("admin.employees.col.active",
                e -> Messages.get(e.active() ? "admin.common.yes" : "admin.common.no"), 70));
        table.getColumns().add(Localized.column("admin.employees.col.samples",
                e -> NumberFormat.getIntegerInstance(Messages.locale()).format(e.templates()), 130));
        table.setItems(vm.shown());
        table.setPlaceholder(Localized.label("admin.employees.empty"));
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
        setPin.disableProperty().bind(selected.isNull());
        issuePin.disableProperty().bind(selected.isNull());
        setPin.setOnAction(e -> {
            EmployeeItem s = selected.get();
            if (s != null) {
                pinDialog(s).ifPresent(pin -> vm.setPin(s, pin));
            }
        });
        issuePin.setOnAction(e -> {
            EmployeeItem s = selected.get();
            if (s != null && confirm(Messages.get("pin.admin.confirm.issue", s.name(), s.code()),
                    Messages.get("pin.admin.confirm.issue.detail"))) {
                vm.issuePin(s);
            }
        });
        toggle.textProperty().bind(I18n.format(() -> Messages.get(selected.get() != null && !selected.get().active()
                ? "admin.employees.activate" : "admin.employees.deactivate"), selected));
        toggle.setOnAction(e -> {
            EmployeeItem s = selected.get();
            if (s != null && confirm(Messages.get(s.active() ? "admin.employees.confirm.deactivate"
                            : "admin.employees.confirm.activate", s.name(), s.code()),
                    Messages.get(s.active() ? "admin.employees.confirm.deactivate.detail"
                            : "admin.employees.confirm.activate.detail"))) {
                vm.setActive(s, !s.active());
            }
        });
        eraseFace.setOnAction(e -> {
            EmployeeItem s = selected.get();
            if (s != null && confirm(Messages.get("admin.employees.confirm.erase", s.name(), s.code()),
                    Messages.get("admin.employees.confirm.erase.detail"))) {
                vm.eraseFaceData(s);
            }
        });
        delete.setOnAction(e -> {
            EmployeeItem s = selected.get();
            if (s != null && confirm(Messages.get("admin.employees.confirm.delete", s.name(), s.code()),
                    Messages.get("admin.employees.confirm.delete.detail"))) {
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

    static boolean confirm(String header, String text) {
        ButtonType ok = new ButtonType(Messages.get("admin.common.ok"), ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ok, Localized.cancel());
        a.setTitle(Messages.get("admin.common.confirm"));
        a.setHeaderText(header);
        return a.showAndWait().filter(b -> b == ok).isPresent();
    }

    /** Asks for a PIN twice; the OK button waits for 4–8 digits typed the same both times. */
    private Optional<char[]> pinDialog(EmployeeItem item) {
        Dialog<char[]> d = new Dialog<>();
        d.setTitle(Messages.get("pin.admin.set.title", item.name(), item.code()));
        javafx.scene.control.PasswordField pin = new javafx.scene.control.PasswordField();
        pin.setId("set-pin");
        javafx.scene.control.PasswordField again = new javafx.scene.control.PasswordField();
        again.setId("set-pin-again");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, Localized.label("pin.admin.set.pin"), pin);
        g.addRow(1, Localized.label("pin.admin.set.again"), again);
        d.getDialogPane().setContent(g);
        ButtonType save = new ButtonType(Messages.get("admin.common.save"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(save, Localized.cancel());
        d.getDialogPane().lookupButton(save).disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !pin.getText().matches("[0-9]{" + io.facecheck.app.PinService.MIN_DIGITS + ","
                        + io.facecheck.app.PinService.MAX_DIGITS + "}") || !pin.getText().equals(again.getText()),
                pin.textProperty(), again.textProperty()));
        d.setResultConverter(b -> b == save ? pin.getText().toCharArray() : null);
        Optional<char[]> r = d.showAndWait();
        pin.clear();
        again.clear();
        return r;
    }

    private Optional<String[]> editDialog(EmployeeItem item) {
        Dialog<String[]> d = new Dialog<>();
        d.setTitle(Messages.get("admin.employees.edit.title", item.code()));
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
        reading.promptTextProperty().bind(I18n.text("admin.employees.edit.reading.prompt"));
        g.addRow(0, Localized.label("admin.employees.edit.name"), name);
        g.addRow(1, Localized.label("admin.employees.edit.department"), dept);
        g.addRow(2, Localized.label("admin.employees.edit.greeting"), greeting);
        g.addRow(3, Localized.label("admin.employees.edit.reading"), reading);
        d.getDialogPane().setContent(g);
        ButtonType save = new ButtonType(Messages.get("admin.common.save"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(save, Localized.cancel());
        // blank as EmployeeFields sees it (String.isBlank): the full-width space U+3000 an IME types is blank too
        d.getDialogPane().lookupButton(save).disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> name.getText() == null || name.getText().isBlank(), name.textProperty()));
        d.setResultConverter(b -> b == save ? new String[]{name.getText(), dept.getText(), greeting.getText(),
                reading.getText()} : null);
        return d.showAndWait();
    }
}

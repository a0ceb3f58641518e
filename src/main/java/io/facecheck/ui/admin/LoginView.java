package io.facecheck.ui.admin;

import io.facecheck.app.AdminAccountService;
import io.facecheck.ui.I18n;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Admin login card; in first-run mode it creates the first admin user. */
public final class LoginView extends StackPane {

    public LoginView(LoginViewModel vm, Runnable back) {
        getStyleClass().add("login");
        setId("login");
        Label title = new Label();
        title.getStyleClass().add("login-title");
        title.setWrapText(true); // a longer translation takes a second line rather than an ellipsis
        title.textProperty().bind(Bindings.when(vm.firstRunProperty())
                .then(I18n.text("admin.login.first-title")).otherwise(I18n.text("admin.login.title")));
        Label hint = Localized.label("admin.login.first-hint", AdminAccountService.MIN_PASSWORD);
        hint.getStyleClass().add("hint-text");
        hint.setWrapText(true);
        hint.visibleProperty().bind(vm.firstRunProperty());
        hint.managedProperty().bind(hint.visibleProperty());

        TextField user = new TextField();
        user.setId("login-user");
        user.promptTextProperty().bind(I18n.text("admin.login.user"));
        user.textProperty().bindBidirectional(vm.userProperty());
        PasswordField pw = new PasswordField();
        pw.setId("login-password");
        pw.promptTextProperty().bind(I18n.text("admin.login.password"));
        pw.textProperty().bindBidirectional(vm.passwordProperty());
        PasswordField repeat = new PasswordField();
        repeat.setId("login-repeat");
        repeat.promptTextProperty().bind(I18n.text("admin.login.repeat"));
        repeat.textProperty().bindBidirectional(vm.repeatProperty());
        repeat.visibleProperty().bind(vm.firstRunProperty());
        repeat.managedProperty().bind(repeat.visibleProperty());

        Label error = new Label();
        error.setId("login-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());

        Button ok = new Button();
        ok.setId("login-submit");
        ok.getStyleClass().add("primary");
        ok.setDefaultButton(true);
        ok.textProperty().bind(Bindings.when(vm.firstRunProperty()).then(I18n.text("admin.login.create"))
                .otherwise(I18n.text("admin.login.submit")));
        ok.disableProperty().bind(vm.busyProperty());
        ok.setOnAction(e -> vm.submit());
        Button cancel = new Button();
        cancel.textProperty().bind(I18n.text("admin.to-kiosk"));
        cancel.setId("login-back");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> back.run());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(vm.busyProperty());
        HBox buttons = new HBox(10, ok, cancel, busy);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox card = new VBox(12, title, hint, user, pw, repeat, error, buttons);
        card.getStyleClass().add("login-card");
        card.setMaxSize(420, USE_PREF_SIZE);
        getChildren().add(card);
        sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                user.requestFocus();
            }
        });
    }
}

package io.facecheck.ui;

import io.facecheck.app.AdminAccountService;
import io.facecheck.ui.I18n.Text;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Locks a full-screen kiosk window: Escape does not leave full screen, and neither Escape nor a close request
 * from the window manager (Alt+F4, the task bar) closes the window. Both ask for an administrator's name and
 * password instead (the admin accounts of {@link AdminAccountService}, bcrypt, audited); with the right ones the window
 * closes. Should full screen be lost anyway, the window goes back to full screen.
 *
 * <p>This keeps the public from leaving the kiosk app; it does not replace a locked-down session (a kiosk user
 * without a desktop, see docs/installer.md) against someone with a keyboard who knows the window manager's keys.
 */
public final class KioskLock {
    private static final Logger LOG = LoggerFactory.getLogger(KioskLock.class);
    /** Audit action recorded when an administrator closes a locked kiosk. */
    public static final String AUDIT_EXIT = AdminAccountService.KIOSK_EXIT;

    private final Supplier<AppServices> services;
    private final Executor executor;
    private final StackPane layer = new StackPane();
    private final VBox prompt;
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final Label error = new Label();
    private final Button submit = new Button();
    /** The error under the fields, kept as a text so that a language switch re-renders it. */
    private final ObjectProperty<Text> errorText = new SimpleObjectProperty<>(Text.NONE);
    private Stage stage;
    private boolean unlocked;

    /** @param services the window's services once open (null while starting) */
    public KioskLock(Supplier<AppServices> services) {
        this(services, UiExecutors.background());
    }

    KioskLock(Supplier<AppServices> services, Executor executor) {
        this.services = services;
        this.executor = executor;
        Label title = new Label();
        title.textProperty().bind(I18n.text("kiosk.lock.title"));
        title.getStyleClass().add("login-title");
        Label hint = new Label();
        hint.textProperty().bind(I18n.text("kiosk.lock.hint"));
        hint.getStyleClass().add("hint-text");
        hint.setWrapText(true);
        user.setId("unlock-user");
        user.promptTextProperty().bind(I18n.text("kiosk.lock.user"));
        password.setId("unlock-password");
        password.promptTextProperty().bind(I18n.text("kiosk.lock.password"));
        error.setId("unlock-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(I18n.text(errorText));
        submit.setId("unlock-submit");
        submit.textProperty().bind(I18n.text("kiosk.lock.submit"));
        submit.getStyleClass().add("primary");
        submit.setDefaultButton(true);
        submit.setOnAction(e -> submit());
        Button cancel = new Button();
        cancel.textProperty().bind(I18n.text("kiosk.lock.cancel"));
        cancel.setId("unlock-cancel");
        cancel.setOnAction(e -> hidePrompt());
        HBox buttons = new HBox(10, submit, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);
        prompt = new VBox(12, title, hint, user, password, error, buttons);
        prompt.setId("unlock");
        prompt.getStyleClass().add("login-card");
        prompt.setMaxSize(420, VBox.USE_PREF_SIZE);
        layer.getChildren().add(prompt);
        layer.getStyleClass().add("unlock-layer");
        layer.setVisible(false);
    }

    /** {@code content} with the unlock prompt above it: use the result as the scene's root. */
    public StackPane wrap(Node content) {
        return new StackPane(content, layer);
    }

    /**
     * Locks {@code stage} (which shows the result of {@link #wrap}): full screen without an exit key, Escape and
     * close requests ask for the administrator password.
     */
    public void lock(Stage stage) {
        this.stage = stage;
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreen(true);
        stage.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, e -> {
            if (!unlocked) {
                e.consume();
                showPrompt();
            }
        });
        stage.fullScreenProperty().addListener((o, was, now) -> {
            if (!now && !unlocked && stage.isShowing()) {
                LOG.info("full screen lost while the kiosk is locked; restoring it");
                Platform.runLater(() -> stage.setFullScreen(true));
            }
        });
        // a handler, not a filter: controls that use Escape themselves (a combo box popup, the login's
        // "Back to kiosk") keep it; an Escape nobody used asks for the password (or dismisses the prompt)
        stage.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !unlocked) {
                e.consume();
                if (layer.isVisible()) {
                    hidePrompt();
                } else {
                    showPrompt();
                }
            }
        });
    }

    private void showPrompt() {
        errorText.set(Text.NONE);
        layer.setVisible(true);
        user.requestFocus();
    }

    private void hidePrompt() {
        layer.setVisible(false);
        password.clear();
        errorText.set(Text.NONE);
    }

    private void submit() {
        AppServices s = services.get();
        if (s == null) {
            errorText.set(Text.of("kiosk.lock.starting"));
            return;
        }
        String name = user.getText() == null ? "" : user.getText().strip();
        char[] pw = password.getText() == null ? new char[0] : password.getText().toCharArray();
        password.clear();
        if (name.isEmpty() || pw.length == 0) {
            errorText.set(Text.of("kiosk.lock.empty"));
            return;
        }
        AdminAccountService admins = s.admins();
        BackgroundTask.wrap(() -> {
                    try {
                        return admins.unlockKiosk(name, pw);
                    } finally {
                        Arrays.fill(pw, '\0');
                    }
                })
                .onRunning(() -> {
                    submit.setDisable(true);
                    errorText.set(Text.NONE);
                })
                .onSuccess(r -> {
                    switch (r.outcome()) {
                        case OK -> unlock();
                        case WRONG -> errorText.set(Text.of("kiosk.lock.wrong"));
                        case LOCKED -> errorText.set(io.facecheck.ui.admin.LoginViewModel.lockedText(r,
                                s.settings().checkIn().zone()));
                    }
                })
                .onFailure(e -> errorText.set(Text.of("kiosk.lock.failed", e.getMessage())))
                .onFinished(() -> submit.setDisable(false))
                .executeWith(executor);
    }

    private void unlock() {
        unlocked = true;
        layer.setVisible(false);
        LOG.info("kiosk closed by an administrator");
        if (stage != null) {
            stage.close();
        }
    }

    /** Whether the unlock prompt is showing. */
    public boolean promptShowing() {
        return layer.isVisible();
    }

    /** Whether an administrator has closed the kiosk. */
    public boolean unlocked() {
        return unlocked;
    }
}

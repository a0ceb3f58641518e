package io.facecheck.ui.kiosk;

import io.facecheck.ui.I18n;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The keypad over the kiosk's preview: large keys for a finger (0–9, ⌫, OK), the step's prompt, the code as typed
 * or a dot per PIN digit, and the outcome of the last try. A keyboard works too (letters in a code, Backspace, Enter).
 */
public final class PinPadView extends VBox {
    /** Side of a key: a fingertip on a touch screen needs about 9 mm, these are twice that on a 22" kiosk. */
    static final double KEY = 88;

    public PinPadView(PinPadViewModel vm) {
        setId("pin-pad");
        getStyleClass().add("pin-pad");
        setSpacing(14);
        setAlignment(Pos.CENTER);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        setStyle("-fx-background-color: rgba(20,24,30,0.92); -fx-background-radius: 16; -fx-padding: 24;");

        Label prompt = new Label();
        prompt.setId("pin-prompt");
        prompt.getStyleClass().add("pin-prompt");
        prompt.setStyle("-fx-text-fill: white; -fx-font-size: 26px;");
        prompt.textProperty().bind(vm.promptProperty());
        Label display = new Label();
        display.setId("pin-display");
        display.setMinWidth(3 * KEY + 2 * 10);
        display.setAlignment(Pos.CENTER);
        display.setStyle("-fx-text-fill: white; -fx-font-size: 34px; -fx-background-color: rgba(255,255,255,0.12);"
                + " -fx-background-radius: 8; -fx-padding: 6 12 6 12;");
        display.textProperty().bind(vm.displayProperty());
        Label message = new Label();
        message.setId("pin-message");
        message.setWrapText(true);
        message.setMaxWidth(3 * KEY + 2 * 10 + 40);
        message.setStyle("-fx-text-fill: #ffd27f; -fx-font-size: 18px;");
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        GridPane keys = new GridPane();
        keys.setHgap(10);
        keys.setVgap(10);
        keys.setAlignment(Pos.CENTER);
        for (int d = 1; d <= 9; d++) {
            keys.add(digit(vm, d), (d - 1) % 3, (d - 1) / 3);
        }
        Button back = key("\u232B", "pin-back");
        back.setOnAction(e -> vm.backspace());
        Button ok = key("", "pin-ok");
        ok.textProperty().bind(I18n.text("pin.ok"));
        ok.setOnAction(e -> vm.ok());
        keys.add(back, 0, 3);
        keys.add(digit(vm, 0), 1, 3);
        keys.add(ok, 2, 3);
        keys.disableProperty().bind(vm.busyProperty());

        Button cancel = new Button();
        cancel.setId("pin-cancel");
        cancel.textProperty().bind(I18n.text("pin.cancel"));
        cancel.setMinHeight(56);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setStyle("-fx-font-size: 20px;");
        cancel.setFocusTraversable(false);
        cancel.setOnAction(e -> vm.cancel());
        // side by side, not stacked: stacked, the pad with a message is taller than a 720-pixel screen's middle and
        // pushed the kiosk's header (and its "Use PIN") off the top
        VBox left = new VBox(14, prompt, display, message, cancel);
        left.setAlignment(Pos.CENTER);
        HBox body = new HBox(28, left, keys);
        body.setAlignment(Pos.CENTER);

        getChildren().setAll(body);
        visibleProperty().bind(vm.openProperty());
        managedProperty().bind(visibleProperty());
        // a keyboard, where the kiosk has one: codes with letters are typed there, the digits keys are for a finger
        addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if (!e.getCharacter().isEmpty() && !Character.isISOControl(e.getCharacter().charAt(0))) {
                vm.type(e.getCharacter());
                e.consume();
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.BACK_SPACE) {
                vm.backspace();
            } else if (e.getCode() == KeyCode.ENTER) {
                vm.ok();
            } else {
                return;
            }
            e.consume();
        });
        vm.openProperty().addListener((o, a, now) -> {
            if (now) {
                requestFocus();
            }
        });
    }

    private static Button digit(PinPadViewModel vm, int d) {
        Button b = key(Integer.toString(d), "pin-key-" + d);
        b.setOnAction(e -> vm.digit(d));
        return b;
    }

    private static Button key(String text, String id) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("pin-key");
        b.setMinSize(KEY, KEY);
        b.setPrefSize(KEY, KEY);
        b.setStyle("-fx-font-size: 30px;");
        b.setFocusTraversable(false);
        return b;
    }
}

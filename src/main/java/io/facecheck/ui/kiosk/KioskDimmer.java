package io.facecheck.ui.kiosk;

import io.facecheck.ui.I18n;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * Screen-saver-style dimming of the kiosk: after {@code dimAfter} without a face in the analysed frames a dark
 * veil fades in over the kiosk screen; the next frame with a face (or a touch or click) lifts it. Recognition
 * keeps running underneath, so a person walking up is seen and greeted as usual. FX thread only.
 */
public final class KioskDimmer {
    /** Opacity of the veil when dimmed. */
    static final double DIM_OPACITY = 0.85;

    private final java.time.Duration dimAfter;
    private final PauseTransition idle;
    private final ReadOnlyBooleanWrapper dimmed = new ReadOnlyBooleanWrapper();
    private final StackPane veil = new StackPane();
    private final FadeTransition fade = new FadeTransition(Duration.millis(600), veil);
    private final ChangeListener<KioskUpdate> onUpdate = this::onUpdate;
    private final ObservableValue<KioskUpdate> updates;

    /**
     * @param updates  the kiosk's analysed frames ({@link KioskViewModel#lastUpdateProperty()})
     * @param dimAfter idle time before dimming; zero never dims
     */
    public KioskDimmer(ObservableValue<KioskUpdate> updates, java.time.Duration dimAfter) {
        this.updates = updates;
        this.dimAfter = dimAfter;
        this.idle = new PauseTransition(Duration.millis(Math.max(1, dimAfter.toMillis())));
        idle.setOnFinished(e -> dim());
        veil.setId("kiosk-dim");
        veil.getStyleClass().add("kiosk-dim");
        Label hint = new Label();
        hint.textProperty().bind(I18n.text("kiosk.hint"));
        hint.getStyleClass().add("kiosk-dim-hint");
        veil.getChildren().add(hint);
        StackPane.setAlignment(hint, Pos.CENTER);
        veil.setOpacity(0);
        veil.setVisible(false);
        veil.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            wake();
            e.consume(); // the touch that wakes the screen does not also press a button under the veil
        });
        veil.addEventHandler(TouchEvent.TOUCH_PRESSED, e -> {
            wake();
            e.consume();
        });
    }

    /** {@code content} with the veil on top; the idle timer runs while the result is in a scene. */
    public Node wrap(Node content) {
        StackPane layered = new StackPane(content, veil);
        layered.sceneProperty().addListener((o, a, s) -> {
            if (s == null) {
                stop();
            } else {
                start();
            }
        });
        return layered;
    }

    private void start() {
        updates.addListener(onUpdate);
        wake();
    }

    /** Stops the timer and lifts the veil (the kiosk screen was left). */
    public void stop() {
        updates.removeListener(onUpdate);
        idle.stop();
        fade.stop();
        dimmed.set(false);
        veil.setOpacity(0);
        veil.setVisible(false);
    }

    private void onUpdate(ObservableValue<? extends KioskUpdate> o, KioskUpdate old, KioskUpdate u) {
        if (u != null && !u.faces().isEmpty()) {
            wake();
        }
    }

    /** Lifts the veil and restarts the idle timer. */
    public void wake() {
        if (dimmed.get()) {
            dimmed.set(false);
            fade.stop();
            veil.setOpacity(0);
            veil.setVisible(false);
        }
        if (!dimAfter.isZero()) {
            idle.playFromStart();
        }
    }

    private void dim() {
        dimmed.set(true);
        veil.setVisible(true);
        fade.setFromValue(veil.getOpacity());
        fade.setToValue(DIM_OPACITY);
        fade.playFromStart();
    }

    /** Whether the kiosk screen is dimmed now. */
    public ReadOnlyBooleanProperty dimmedProperty() {
        return dimmed.getReadOnlyProperty();
    }
}

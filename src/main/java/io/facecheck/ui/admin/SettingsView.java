package io.facecheck.ui.admin;

import io.facecheck.config.DirectionMode;
import io.facecheck.config.Messages;
import io.facecheck.ui.I18n;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** Settings tab. */
public final class SettingsView extends VBox {

    private final SettingsViewModel vm;

    public SettingsView(SettingsViewModel vm) {
        super(12);
        this.vm = vm;
        getStyleClass().add("page");
        setId("settings");
        Label title = Localized.label("admin.settings.title");
        title.getStyleClass().add("page-title");

        TextField camera = new TextField();
        camera.setId("settings-camera");
        camera.promptTextProperty().bind(I18n.text("kiosk.camera.prompt"));
        camera.textProperty().bindBidirectional(vm.cameraProperty());
        ChoiceBox<DirectionMode> mode = new ChoiceBox<>();
        mode.setId("settings-mode");
        mode.getItems().setAll(DirectionMode.values());
        Localized.choices(mode, m -> Messages.get("admin.settings.mode." + m.name().toLowerCase(Locale.ROOT)));
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        Spinner<Integer> debounce = new Spinner<>(0, 240, vm.debounceMinutesProperty().get());
        debounce.setId("settings-debounce");
        debounce.setEditable(true);
        debounce.valueProperty().addListener((o, a, b) -> vm.debounceMinutesProperty().set(b));

        Slider threshold = new Slider(0.2, 2.0, vm.thresholdProperty().get());
        threshold.setId("settings-threshold");
        threshold.setPrefWidth(320);
        threshold.setShowTickLabels(true);
        threshold.setMajorTickUnit(0.2);
        threshold.valueProperty().bindBidirectional(vm.thresholdProperty());
        threshold.disableProperty().bind(vm.useCardThresholdProperty());
        Label thresholdValue = new Label();
        thresholdValue.getStyleClass().add(TimesheetUi.DATA);
        thresholdValue.textProperty().bind(I18n.format(() -> String.format(Messages.locale(), "%.3f",
                vm.thresholdProperty().get()), vm.thresholdProperty()));
        CheckBox cardThreshold = new CheckBox();
        cardThreshold.textProperty().bind(I18n.text("admin.settings.card-threshold"));
        cardThreshold.selectedProperty().bindBidirectional(vm.useCardThresholdProperty());
        Label calibration = new Label();
        calibration.setId("settings-calibration");
        calibration.getStyleClass().add("hint-text");
        calibration.textProperty().bind(vm.calibrationProperty());

        ChoiceBox<io.facecheck.config.LivenessMode> liveness = new ChoiceBox<>();
        liveness.setId("settings-liveness");
        liveness.getItems().setAll(io.facecheck.config.LivenessMode.OFF, io.facecheck.config.LivenessMode.PASSIVE,
                io.facecheck.config.LivenessMode.CHALLENGE, io.facecheck.config.LivenessMode.NET);
        Localized.choices(liveness, SettingsView::livenessLabel);
        liveness.valueProperty().bindBidirectional(vm.livenessProperty());
        Label livenessHint = Localized.label("admin.settings.liveness.hint");
        livenessHint.getStyleClass().add("hint-text");
        livenessHint.setWrapText(true);
        livenessHint.setMaxWidth(560);
        ChoiceBox<String> model = new ChoiceBox<>();
        model.setId("settings-model");
        model.getStyleClass().add(TimesheetUi.DATA); // the models' own names, the same in every language
        model.getItems().setAll(io.facecheck.face.FaceNetworks.embedderNames());
        model.valueProperty().bindBidirectional(vm.embedderProperty());

        CheckBox pinEnabled = new CheckBox();
        pinEnabled.setId("settings-pin-enabled");
        pinEnabled.textProperty().bind(I18n.text("pin.settings.enabled"));
        pinEnabled.selectedProperty().bindBidirectional(vm.pinEnabledProperty());
        TextField pinOff = new TextField();
        pinOff.setId("settings-pin-off-departments");
        pinOff.getStyleClass().add(TimesheetUi.DATA); // department names, as the employees have them
        pinOff.promptTextProperty().bind(I18n.text("pin.settings.off-departments.prompt"));
        pinOff.textProperty().bindBidirectional(vm.pinOffDepartmentsProperty());
        pinOff.disableProperty().bind(pinEnabled.selectedProperty().not());
        CheckBox pinEvidence = new CheckBox();
        pinEvidence.setId("settings-pin-evidence");
        pinEvidence.textProperty().bind(I18n.text("pin.settings.evidence"));
        pinEvidence.selectedProperty().bindBidirectional(vm.pinEvidenceProperty());
        pinEvidence.disableProperty().bind(pinEnabled.selectedProperty().not());
        Spinner<Integer> evidenceDays = new Spinner<>(1, 3650, vm.pinEvidenceDaysProperty().get());
        evidenceDays.setId("settings-pin-evidence-days");
        evidenceDays.setEditable(true);
        evidenceDays.valueProperty().addListener((o, a, b) -> vm.pinEvidenceDaysProperty().set(b));
        evidenceDays.disableProperty().bind(pinEvidence.selectedProperty().not().or(pinEvidence.disabledProperty()));

        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(10);
        int r = 0;
        Button testCamera = new Button();
        testCamera.setId("settings-camera-test");
        testCamera.textProperty().bind(I18n.text("camera.test"));
        testCamera.setOnAction(e -> vm.testCamera());
        Label cameraTest = new Label();
        cameraTest.setId("settings-camera-test-result");
        cameraTest.getStyleClass().add("hint-text");
        cameraTest.textProperty().bind(vm.cameraTestProperty());
        g.addRow(r++, Localized.label("admin.settings.camera"), new HBox(8, camera, testCamera, cameraTest));
        g.addRow(r++, Localized.label("admin.settings.mode"), mode);
        g.addRow(r++, Localized.label("admin.settings.debounce"), debounce);
        g.addRow(r++, Localized.label("admin.settings.threshold"), new HBox(8, threshold, thresholdValue));
        g.addRow(r++, new Label(""), cardThreshold);
        g.addRow(r++, new Label(""), calibration);
        g.addRow(r++, Localized.label("admin.settings.liveness"), liveness);
        g.addRow(r++, new Label(""), livenessHint);
        g.addRow(r++, Localized.label("admin.settings.model"), model);
        g.addRow(r++, Localized.label("pin.settings.title"), pinEnabled);
        g.addRow(r++, Localized.label("pin.settings.off-departments"), pinOff);
        g.addRow(r++, new Label(""), pinEvidence);
        g.addRow(r++, Localized.label("pin.settings.evidence-days"), evidenceDays);

        Button save = Localized.button("admin.settings.save");
        save.setId("settings-save");
        save.getStyleClass().add("primary");
        save.setOnAction(e -> vm.save());
        Label status = new Label();
        status.setId("settings-status");
        status.getStyleClass().add("hint-text");
        status.textProperty().bind(vm.statusProperty());
        Label note = Localized.label("admin.settings.model-note");
        note.getStyleClass().add("hint-text");
        note.setWrapText(true);
        // the grid scrolls rather than shrinks: squeezed into a 720-pixel screen, its wrapped hints were cut off
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(g);
        scroll.setId("settings-scroll");
        scroll.setFitToWidth(false);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setStyle("-fx-background-color: transparent;"); // not -fx-background: the labels take their colour from it
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(title, scroll, note, new HBox(12, save, status));
        setPadding(new Insets(16));
    }

    /** The view model behind this tab (the admin header's language choice saves through it). */
    public SettingsViewModel viewModel() {
        return vm;
    }

    /** Re-measures the calibration (the gallery may have changed since). */
    public void refresh() {
        vm.calibrate();
    }

    /** What each liveness mode asks of a person, in the settings' words. */
    static String livenessLabel(io.facecheck.config.LivenessMode m) {
        return Messages.get("admin.settings.liveness." + m.id());
    }
}

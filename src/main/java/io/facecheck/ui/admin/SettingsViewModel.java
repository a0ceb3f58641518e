package io.facecheck.ui.admin;

import io.facecheck.app.SettingsService;
import io.facecheck.config.DirectionMode;
import io.facecheck.config.LivenessMode;
import io.facecheck.config.Messages;
import io.facecheck.ui.I18n;
import io.facecheck.ui.I18n.Text;
import javafx.beans.binding.StringBinding;
import io.facecheck.config.Settings;
import io.facecheck.ui.AppServices;
import io.facecheck.ui.BackgroundTask;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.DoubleUnaryOperator;

/**
 * Settings screen: camera, kiosk direction mode, debounce, threshold (with the expected false-accept rate at
 * that threshold from the enrolled gallery), liveness, model. Saved to the user settings file, audited.
 */
public final class SettingsViewModel {
    /** Embedders selectable in {@code engine.embedder}. */

    private final AppServices services;
    private final String actor;
    private final Executor executor;
    private final StringProperty camera = new SimpleStringProperty();
    private final javafx.beans.property.ObjectProperty<Text> cameraTestText = new javafx.beans.property.SimpleObjectProperty<>(Text.NONE);
    private final StringBinding cameraTest = I18n.text(cameraTestText);
    private final ObjectProperty<DirectionMode> mode = new SimpleObjectProperty<>();
    private final IntegerProperty debounceMinutes = new SimpleIntegerProperty();
    private final DoubleProperty threshold = new SimpleDoubleProperty();
    private final BooleanProperty useCardThreshold = new SimpleBooleanProperty();
    private final ObjectProperty<LivenessMode> liveness = new SimpleObjectProperty<>();
    private final StringProperty embedder = new SimpleStringProperty();
    private final BooleanProperty pinEnabled = new SimpleBooleanProperty();
    private final BooleanProperty pinEvidence = new SimpleBooleanProperty();
    private final IntegerProperty pinEvidenceDays = new SimpleIntegerProperty();
    private final StringProperty pinOffDepartments = new SimpleStringProperty();
    private final ObjectProperty<Text> calibration = new SimpleObjectProperty<>(Text.NONE);
    private final StringBinding calibrationText = I18n.text(calibration);
    private final ObjectProperty<Text> status = new SimpleObjectProperty<>(Text.NONE);
    private final StringBinding statusText = I18n.text(status);
    /** The last measurement's size, shown beside the rate: impostor pairs and people (0: none yet). */
    private int pairs;
    private int people;
    private DoubleUnaryOperator farAt;

    public SettingsViewModel(AppServices services, String actor, Executor executor, double cardThreshold) {
        this.services = services;
        this.actor = actor;
        this.executor = executor;
        Settings s = services.settings();
        camera.set(services.configuredCamera());
        mode.set(s.checkIn().direction());
        debounceMinutes.set((int) Math.max(0, s.checkIn().debounce().toMinutes()));
        useCardThreshold.set(s.engine().threshold().isEmpty());
        threshold.set(s.engine().threshold().orElse(Double.isNaN(cardThreshold) ? 0 : cardThreshold));
        liveness.set(s.liveness().mode());
        embedder.set(s.engine().embedder());
        pinEnabled.set(s.pin().enabled());
        pinEvidence.set(s.pin().evidence());
        pinEvidenceDays.set(s.pin().evidenceDays());
        pinOffDepartments.set(String.join(", ", new java.util.TreeSet<>(s.pin().offDepartments())));
        threshold.addListener((o, a, b) -> updateCalibration());
    }

    /**
     * Supplies the calibration: expected false-accept rate at a threshold, measured on impostor pairs of the
     * enrolled gallery. Computed in the background by the caller; null when too few people are enrolled.
     */
    public void setCalibration(DoubleUnaryOperator farAtThreshold, int people) {
        this.farAt = farAtThreshold;
        if (farAtThreshold == null) {
            calibration.set(Text.of("admin.settings.calibration.few", people));
        } else {
            updateCalibration();
        }
    }

    private void updateCalibration() {
        if (farAt != null) {
            double far = farAt.applyAsDouble(threshold.get());
            calibration.set(pairs == 0 ? Text.of("admin.settings.calibration", threshold.get(), far)
                    : Text.of("admin.settings.calibration.measured", threshold.get(), far, pairs, people));
        }
    }

    /**
     * Measures the impostor distances of the enrolled gallery (every pair of templates of two different
     * people, active model only) in the background and shows the expected false-accept rate at the slider's
     * threshold.
     */
    /** The gallery's measurement and the threshold of the embedder's model card. */
    private record Measured(SettingsService.Calibration calibration, double cardThreshold) {
    }

    public void calibrate() {
        BackgroundTask.wrap(() -> {
                    var engine = services.engine();
                    var measured = services.settingsService().calibrate(engine.engine().embedder().modelId());
                    return new Measured(measured, engine.engine().embedder().threshold());
                })
                .onRunning(() -> calibration.set(Text.of("admin.settings.calibration.measuring")))
                .onSuccess(r -> {
                    int people = r.calibration().people();
                    if (useCardThreshold.get()) {
                        threshold.set(r.cardThreshold()); // the embedder's model card
                    }
                    if (r.calibration().impostors().length == 0) {
                        pairs = 0;
                        setCalibration(null, people);
                    } else {
                        pairs = r.calibration().impostors().length;
                        this.people = people;
                        setCalibration(r.calibration()::farAt, people);
                    }
                })
                .onFailure(e -> calibration.set(Text.of("admin.settings.calibration.error", e.getMessage())))
                .executeWith(executor);
    }

    /** Opens the camera in the field once, off the FX thread, and says its resolution or why it cannot be used. */
    public void testCamera() {
        String spec = camera.get() == null ? "" : camera.get().strip();
        BackgroundTask.wrap(() -> io.facecheck.camera.CameraProbe.resolution(io.facecheck.camera.FrameSources.parse(spec)))
                .onRunning(() -> cameraTestText.set(Text.of("camera.test.running")))
                .onSuccess(r -> cameraTestText.set(Text.of("camera.test.ok", r)))
                .onFailure(e -> cameraTestText.set(Text.of("camera.test.failed",
                        io.facecheck.camera.NetworkCameraSource.mask(e.getMessage()))))
                .executeWith(executor);
    }

    /** The last camera test's result, in the current language; empty before one. */
    public StringBinding cameraTestProperty() {
        return cameraTest;
    }

    public void save() {
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put(AppServices.CAMERA_KEY, camera.get() == null ? null : camera.get().strip());
        changes.put("checkin.direction", mode.get().name());
        changes.put("checkin.debounce", "PT" + debounceMinutes.get() + "M");
        changes.put("engine.threshold", useCardThreshold.get() ? "" : String.format(Locale.ROOT, "%.4f", threshold.get()));
        changes.put("checkin.liveness", (liveness.get() == null ? LivenessMode.OFF : liveness.get()).id());
        changes.put("engine.embedder", embedder.get());
        changes.put("pin.enabled", Boolean.toString(pinEnabled.get()));
        changes.put("pin.evidence", Boolean.toString(pinEvidence.get()));
        changes.put("pin.evidence-days", Integer.toString(Math.max(1, pinEvidenceDays.get())));
        changes.put("pin.off-departments", pinOffDepartments.get() == null ? ""
                : java.util.Arrays.stream(pinOffDepartments.get().split(",")).map(String::strip)
                        .filter(d -> !d.isEmpty()).distinct().collect(java.util.stream.Collectors.joining(",")));
        BackgroundTask.wrap(() -> {
                    services.settingsService().save(changes, actor);
                })
                .onSuccess(v -> status.set(Text.of("admin.settings.saved", services.userSettingsFile().toString())))
                .onFailure(e -> status.set(Text.of("admin.settings.error.save", e.getMessage())))
                .executeWith(executor);
    }

    /**
     * Switches the screens' language now (the kiosk and the admin screens re-render; date pickers follow too) and
     * keeps it as {@code ui.language} in the user settings file, so the next start speaks it; audited.
     */
    public void setLanguage(Locale language) {
        Messages.setLocale(language);
        Localized.useFormatLocale();
        Map<String, String> change = Map.of("ui.language", language.toLanguageTag());
        BackgroundTask.wrap(() -> {
                    services.settingsService().save(change, actor);
                })
                .onSuccess(v -> status.set(Text.of("admin.settings.language.saved", services.userSettingsFile().toString())))
                .onFailure(e -> status.set(Text.of("admin.settings.error.save", e.getMessage())))
                .executeWith(executor);
    }

    public StringProperty cameraProperty() {
        return camera;
    }

    public ObjectProperty<DirectionMode> modeProperty() {
        return mode;
    }

    public IntegerProperty debounceMinutesProperty() {
        return debounceMinutes;
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    public BooleanProperty useCardThresholdProperty() {
        return useCardThreshold;
    }

    /** {@code checkin.liveness}: off, passive, challenge or the anti-spoofing network. */
    public ObjectProperty<LivenessMode> livenessProperty() {
        return liveness;
    }

    public StringProperty embedderProperty() {
        return embedder;
    }

    /** {@code pin.enabled}: whether the kiosk offers "Use PIN" at all. */
    public BooleanProperty pinEnabledProperty() {
        return pinEnabled;
    }

    /** {@code pin.evidence}: whether a PIN check-in keeps a crop of the face in view. */
    public BooleanProperty pinEvidenceProperty() {
        return pinEvidence;
    }

    /** {@code pin.evidence-days}: how long such a crop is kept. */
    public IntegerProperty pinEvidenceDaysProperty() {
        return pinEvidenceDays;
    }

    /** {@code pin.off-departments}, comma-separated: departments whose employees may not use a PIN. */
    public StringProperty pinOffDepartmentsProperty() {
        return pinOffDepartments;
    }

    /** The calibration readout, in the current language. */
    public StringBinding calibrationProperty() {
        return calibrationText;
    }

    /** What the last save did, in the current language. */
    public StringBinding statusProperty() {
        return statusText;
    }
}

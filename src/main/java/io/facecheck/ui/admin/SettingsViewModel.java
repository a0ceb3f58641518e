package io.facecheck.ui.admin;

import io.facecheck.config.DirectionMode;
import io.facecheck.config.LivenessMode;
import io.facecheck.config.Settings;
import io.facecheck.config.UserSettingsFile;
import io.facecheck.store.AuditLog;
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
import java.util.List;
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
    public static final List<String> EMBEDDERS = List.of("mobilefacenet", "resnet");

    private final AppServices services;
    private final String actor;
    private final Executor executor;
    private final StringProperty camera = new SimpleStringProperty();
    private final ObjectProperty<DirectionMode> mode = new SimpleObjectProperty<>();
    private final IntegerProperty debounceMinutes = new SimpleIntegerProperty();
    private final DoubleProperty threshold = new SimpleDoubleProperty();
    private final BooleanProperty useCardThreshold = new SimpleBooleanProperty();
    private final ObjectProperty<LivenessMode> liveness = new SimpleObjectProperty<>();
    private final StringProperty embedder = new SimpleStringProperty();
    private final StringProperty calibration = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
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
        threshold.addListener((o, a, b) -> updateCalibration());
    }

    /**
     * Supplies the calibration: expected false-accept rate at a threshold, measured on impostor pairs of the
     * enrolled gallery. Computed in the background by the caller; null when too few people are enrolled.
     */
    public void setCalibration(DoubleUnaryOperator farAtThreshold, int people) {
        this.farAt = farAtThreshold;
        if (farAtThreshold == null) {
            calibration.set("Calibration needs at least 2 enrolled people (" + people + " now)");
        } else {
            updateCalibration();
        }
    }

    private void updateCalibration() {
        if (farAt != null) {
            double far = farAt.applyAsDouble(threshold.get());
            calibration.set(String.format(Locale.ROOT, "Expected false-accept rate at %.3f: %.4f%% of impostor pairs"
                    + " in the enrolled gallery", threshold.get(), far * 100));
        }
    }

    /**
     * Measures the impostor distances of the enrolled gallery (every pair of templates of two different
     * people, active model only) in the background and shows the expected false-accept rate at the slider's
     * threshold.
     */
    public void calibrate() {
        BackgroundTask.wrap(() -> {
                    var engine = services.engine();
                    var templates = services.templates().listByModel(engine.engine().embedder().modelId());
                    List<float[]> vectors = templates.stream().map(io.facecheck.store.FaceTemplate::vector).toList();
                    List<String> labels = templates.stream().map(io.facecheck.store.FaceTemplate::employeeCode).toList();
                    long people = labels.stream().distinct().count();
                    double[] impostors = people < 2 ? new double[0]
                            : io.facecheck.match.ThresholdCalibration.impostorDistances(vectors, labels);
                    return new Object[]{impostors, (int) people, engine.engine().embedder().threshold()};
                })
                .onRunning(() -> calibration.set("Measuring the enrolled gallery…"))
                .onSuccess(r -> {
                    double[] impostors = (double[]) r[0];
                    int people = (int) r[1];
                    if (useCardThreshold.get()) {
                        threshold.set((double) r[2]); // the embedder's model card
                    }
                    if (impostors.length == 0) {
                        setCalibration(null, people);
                    } else {
                        setCalibration(t -> io.facecheck.match.ThresholdCalibration.farAt(impostors, t), people);
                        calibration.set(calibration.get() + " (" + impostors.length + " pairs, " + people + " people)");
                    }
                })
                .onFailure(e -> calibration.set("Calibration unavailable: " + e.getMessage()))
                .executeWith(executor);
    }

    public void save() {
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put(AppServices.CAMERA_KEY, camera.get() == null ? null : camera.get().strip());
        changes.put("checkin.direction", mode.get().name());
        changes.put("checkin.debounce", "PT" + debounceMinutes.get() + "M");
        changes.put("engine.threshold", useCardThreshold.get() ? "" : String.format(Locale.ROOT, "%.4f", threshold.get()));
        changes.put("checkin.liveness", (liveness.get() == null ? LivenessMode.OFF : liveness.get()).id());
        changes.put("engine.embedder", embedder.get());
        BackgroundTask.wrap(() -> {
                    UserSettingsFile.update(services.userSettingsFile(), changes);
                    services.audit().record(actor, AuditLog.SETTINGS, "settings", changes.toString());
                })
                .onSuccess(v -> status.set("Saved to " + services.userSettingsFile() + ". Restart the kiosk to apply."))
                .onFailure(e -> status.set("Cannot save settings: " + e.getMessage()))
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

    public StringProperty calibrationProperty() {
        return calibration;
    }

    public StringProperty statusProperty() {
        return status;
    }
}

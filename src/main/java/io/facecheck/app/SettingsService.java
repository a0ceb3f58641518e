package io.facecheck.app;

import io.facecheck.config.UserSettingsFile;
import io.facecheck.match.ThresholdCalibration;
import io.facecheck.store.AuditLog;
import io.facecheck.store.Database;
import io.facecheck.store.FaceTemplate;
import io.facecheck.store.TemplateRepository;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The settings an administrator changes on screen, kept in the user settings file (audited), and the measurement
 * that helps choose the match threshold.
 */
public final class SettingsService {
    private final Path userSettingsFile;
    private final TemplateRepository templates;
    private final AuditLog audit;

    public SettingsService(Database db, Path userSettingsFile) {
        this.userSettingsFile = userSettingsFile;
        this.templates = new TemplateRepository(db);
        this.audit = new AuditLog(db);
    }

    /** Where the changes go. */
    public Path userSettingsFile() {
        return userSettingsFile;
    }

    /**
     * Writes {@code changes} into the user settings file (a null or empty value removes the key) and audits them.
     * They take effect at the next start.
     */
    public void save(Map<String, String> changes, String actor) {
        UserSettingsFile.update(userSettingsFile, changes);
        audit.record(actor, AuditLog.SETTINGS, "settings", changes.toString());
    }

    /**
     * The impostor distances of the enrolled gallery of {@code modelId} (every pair of templates of two different
     * people), for the false-accept rate a threshold would give.
     *
     * @param impostors empty when fewer than two people are enrolled
     */
    public record Calibration(double[] impostors, int people) {
        public double farAt(double threshold) {
            return ThresholdCalibration.farAt(impostors, threshold);
        }
    }

    /** Measures the gallery of {@code modelId} (templates of another model do not recognise anyone). */
    public Calibration calibrate(String modelId) {
        List<FaceTemplate> all = templates.listByModel(modelId);
        List<float[]> vectors = all.stream().map(FaceTemplate::vector).toList();
        List<String> labels = all.stream().map(FaceTemplate::employeeCode).toList();
        int people = (int) labels.stream().distinct().count();
        double[] impostors = people < 2 ? new double[0] : ThresholdCalibration.impostorDistances(vectors, labels);
        return new Calibration(impostors, people);
    }
}

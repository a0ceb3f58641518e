package io.facecheck.cli;

import io.facecheck.attendance.EnrollmentService;
import io.facecheck.attendance.GallerySync;
import io.facecheck.config.Settings;
import io.facecheck.face.FaceEngine;
import io.facecheck.face.ImageLoader;
import io.facecheck.face.QualitySettings;
import io.facecheck.match.OpenSetDecision;
import io.facecheck.store.Database;
import io.facecheck.store.StoreException;
import io.facecheck.store.TemplateRepository;

/**
 * What the attendance commands share: settings (with {@code --db}), the database, the face engine built from the
 * settings and engine flags, the gallery loaded from the store, and the open-set rule.
 */
final class AttendanceContext implements AutoCloseable {
    final Settings settings;
    final Database db;
    final FaceEngine engine;
    final GallerySync gallery;
    final OpenSetDecision decision;

    private AttendanceContext(Settings settings, Database db, FaceEngine engine, GallerySync gallery,
                              OpenSetDecision decision) {
        this.settings = settings;
        this.db = db;
        this.engine = engine;
        this.gallery = gallery;
        this.decision = decision;
    }

    /** Opens the database first (a locked database fails fast), then the models, then loads the gallery. */
    static AttendanceContext open(StoreOptions store, EngineOptions engineOptions, boolean liveness) {
        Settings settings = store.settings();
        Database db = store.open();
        try {
            FaceEngine.Options o = engineOptions.options()
                    .withQuality(quality(settings.engine()))
                    .withLiveness(liveness);
            FaceEngine engine = FaceEngine.open(o);
            try {
                GallerySync gallery = new GallerySync(new TemplateRepository(db), engine.embedder().modelId(),
                        engine.embedder().dimension());
                gallery.load();
                double threshold = engineOptions.threshold != null ? engineOptions.threshold
                        : settings.engine().threshold().orElse(engine.embedder().threshold());
                if (!(threshold > 0)) {
                    throw new CliException(ExitCodes.FAILURE, "--threshold must be positive, got " + threshold);
                }
                return new AttendanceContext(settings, db, engine, gallery,
                        new OpenSetDecision(threshold, settings.engine().margin()));
            } catch (RuntimeException e) {
                engine.close();
                throw e;
            }
        } catch (StoreException e) {
            db.close();
            throw StoreOptions.asCli(e);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The quality gate from the settings' raw numbers over the engine's calibrated defaults. */
    static QualitySettings quality(Settings.EngineSettings e) {
        QualitySettings q = QualitySettings.DEFAULTS.withMinFaceSize(e.minFace());
        if (e.minSharpness().isPresent()) {
            q = q.withMinSharpness(e.minSharpness().getAsDouble());
        }
        if (e.maxYaw().isPresent()) {
            q = q.withMaxYawDeg(e.maxYaw().getAsDouble());
        }
        if (e.minBrightness().isPresent()) {
            q = q.withMinBrightness(e.minBrightness().getAsDouble());
        }
        return q;
    }

    EnrollmentService enrollment() {
        return new EnrollmentService(db, engine.detector(), engine.embedder(), engine.quality(), new ImageLoader(),
                gallery, decision.threshold());
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            db.close();
        }
    }
}

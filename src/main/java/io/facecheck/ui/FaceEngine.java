package io.facecheck.ui;

import io.facecheck.attendance.EnrollmentService;
import io.facecheck.attendance.GallerySync;
import io.facecheck.config.ConfigException;
import io.facecheck.config.Settings;
import io.facecheck.face.FaceDetector;
import io.facecheck.face.FaceEmbedder;
import io.facecheck.face.ImageLoader;
import io.facecheck.face.LivenessScorer;
import io.facecheck.face.MobileFaceNetEmbedder;
import io.facecheck.face.MtcnnDetector;
import io.facecheck.face.Quality;
import io.facecheck.face.QualitySettings;
import io.facecheck.face.faceapi.ResNetEmbedder;
import io.facecheck.face.faceapi.SsdFaceDetector;
import io.facecheck.match.Gallery;
import io.facecheck.match.OpenSetDecision;
import io.facecheck.models.Models;
import io.facecheck.models.TfThreads;
import io.facecheck.store.Database;
import io.facecheck.store.TemplateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine parts the app uses, built from the settings: detector, embedder, quality gate, liveness scorer,
 * the gallery of the active embedder's templates (kept in step with the store by {@link GallerySync}), the
 * open-set rule and the enrollment service. Loading takes seconds (TensorFlow sessions): open it off the FX
 * thread.
 */
public final class FaceEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FaceEngine.class);

    private final Models models;
    private final FaceDetector detector;
    private final FaceEmbedder embedder;
    private final Quality quality;
    private final LivenessScorer liveness;
    private final GallerySync gallery;
    private final OpenSetDecision decision;
    private final EnrollmentService enrollment;

    private FaceEngine(Models models, FaceDetector detector, FaceEmbedder embedder, Quality quality,
                       LivenessScorer liveness, GallerySync gallery, OpenSetDecision decision, EnrollmentService enrollment) {
        this.models = models;
        this.detector = detector;
        this.embedder = embedder;
        this.quality = quality;
        this.liveness = liveness;
        this.gallery = gallery;
        this.decision = decision;
        this.enrollment = enrollment;
    }

    public static FaceEngine open(Settings settings, Database db) {
        Settings.EngineSettings e = settings.engine();
        Models models = new Models(Models.defaultDir(), TfThreads.DEFAULT);
        try {
            FaceDetector detector = detector(e.detector(), models);
            FaceEmbedder embedder = embedder(e.embedder(), models);
            QualitySettings qs = QualitySettings.DEFAULTS.withMinFaceSize(e.minFace());
            if (e.minSharpness().isPresent()) {
                qs = qs.withMinSharpness(e.minSharpness().getAsDouble());
            }
            if (e.maxYaw().isPresent()) {
                qs = qs.withMaxYawDeg(e.maxYaw().getAsDouble());
            }
            if (e.minBrightness().isPresent()) {
                qs = qs.withMinBrightness(e.minBrightness().getAsDouble());
            }
            Quality quality = new Quality(qs);
            GallerySync gallery = new GallerySync(new TemplateRepository(db), embedder.modelId(), embedder.dimension());
            gallery.load();
            double threshold = e.threshold().orElse(embedder.threshold());
            LivenessScorer liveness = settings.checkIn().liveness() ? new LivenessScorer(models) : null;
            EnrollmentService enrollment = new EnrollmentService(db, detector, embedder, quality, new ImageLoader(),
                    gallery, threshold);
            LOG.info("engine: {} + {} (model {}), threshold {}, margin {}, liveness {}", detector.name(), embedder.name(),
                    embedder.modelId(), threshold, e.margin(), liveness != null);
            return new FaceEngine(models, detector, embedder, quality, liveness, gallery,
                    new OpenSetDecision(threshold, e.margin()), enrollment);
        } catch (RuntimeException ex) {
            models.close();
            throw ex;
        }
    }

    static FaceDetector detector(String name, Models models) {
        return switch (name) {
            case "mtcnn" -> new MtcnnDetector(models);
            case "ssd" -> new SsdFaceDetector(models);
            default -> throw new ConfigException("engine.detector=" + name + " should be mtcnn or ssd");
        };
    }

    static FaceEmbedder embedder(String name, Models models) {
        return switch (name) {
            case "mobilefacenet" -> new MobileFaceNetEmbedder(models);
            case "resnet" -> new ResNetEmbedder(models);
            default -> throw new ConfigException("engine.embedder=" + name + " should be mobilefacenet or resnet");
        };
    }

    /** The anti-spoofing model card's threshold (live below it), or NaN when liveness is off. */
    public double livenessThreshold() {
        return liveness == null ? Double.NaN : liveness.threshold();
    }

    /** Scorer of liveness, or null when the settings turn liveness off. */
    public LivenessScorer liveness() {
        return liveness;
    }

    public FaceDetector detector() {
        return detector;
    }

    public FaceEmbedder embedder() {
        return embedder;
    }

    public Quality quality() {
        return quality;
    }

    public Gallery gallery() {
        return gallery.gallery();
    }

    public GallerySync gallerySync() {
        return gallery;
    }

    public OpenSetDecision decision() {
        return decision;
    }

    public EnrollmentService enrollment() {
        return enrollment;
    }

    @Override
    public void close() {
        models.close();
    }
}

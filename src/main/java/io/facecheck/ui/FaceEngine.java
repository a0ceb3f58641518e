package io.facecheck.ui;

import io.facecheck.config.Settings;
import io.facecheck.face.FaceDetector;
import io.facecheck.face.FaceEmbedder;
import io.facecheck.face.Quality;
import io.facecheck.face.QualitySettings;
import io.facecheck.face.faceapi.ResNetEmbedder;
import io.facecheck.face.faceapi.SsdFaceDetector;
import io.facecheck.match.Gallery;
import io.facecheck.match.OpenSetDecision;
import io.facecheck.models.ModelCard;
import io.facecheck.models.ModelNames;
import io.facecheck.models.Models;
import io.facecheck.models.TfThreads;
import io.facecheck.store.FaceTemplate;
import io.facecheck.store.TemplateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The engine parts the app uses, built from the settings: detector, embedder, quality gate, the gallery of
 * the active embedder's templates (loaded from the store) and the open-set rule. Loading takes seconds
 * (TensorFlow sessions): open it off the FX thread.
 */
public final class FaceEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FaceEngine.class);

    private final Models models;
    private final FaceDetector detector;
    private final FaceEmbedder embedder;
    private final Quality quality;
    private final Gallery gallery;
    private final OpenSetDecision decision;

    private FaceEngine(Models models, FaceDetector detector, FaceEmbedder embedder, Quality quality, Gallery gallery,
                       OpenSetDecision decision) {
        this.models = models;
        this.detector = detector;
        this.embedder = embedder;
        this.quality = quality;
        this.gallery = gallery;
        this.decision = decision;
    }

    public static FaceEngine open(Settings settings, TemplateRepository templates) {
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
            Gallery gallery = new Gallery(embedder.dimension());
            Map<String, List<float[]>> byCode = templates.listByModel(embedder.modelId()).stream()
                    .collect(Collectors.groupingBy(FaceTemplate::employeeCode, Collectors.mapping(FaceTemplate::vector, Collectors.toList())));
            byCode.forEach(gallery::addAll);
            double threshold = e.threshold().orElse(embedder.threshold());
            LOG.info("engine: {} + {} (model {}), threshold {}, margin {}, gallery {} identities / {} templates",
                    detector.name(), embedder.name(), embedder.modelId(), threshold, e.margin(), gallery.identityCount(), gallery.size());
            return new FaceEngine(models, detector, embedder, new Quality(qs), gallery, new OpenSetDecision(threshold, e.margin()));
        } catch (RuntimeException ex) {
            models.close();
            throw ex;
        }
    }

    static FaceDetector detector(String name, Models models) {
        return switch (name) {
            case "ssd" -> new SsdFaceDetector(models);
            default -> {
                LOG.warn("detector '{}' is not available in this build; using ssd", name);
                yield new SsdFaceDetector(models);
            }
        };
    }

    static FaceEmbedder embedder(String name, Models models) {
        return switch (name) {
            case "resnet" -> new ResNetEmbedder(models);
            default -> {
                LOG.warn("embedder '{}' is not available in this build; using resnet", name);
                yield new ResNetEmbedder(models);
            }
        };
    }

    /** The anti-spoofing model card's threshold (live below it). */
    public double livenessThreshold() {
        try {
            Double t = ModelCard.read(models.dirOf(ModelNames.ANTI_SPOOFING).resolve(ModelCard.FILE_NAME)).threshold();
            if (t == null) {
                throw new IllegalStateException("the anti-spoofing model card has no threshold");
            }
            return t;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the anti-spoofing model card: " + e.getMessage(), e);
        }
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
        return gallery;
    }

    public OpenSetDecision decision() {
        return decision;
    }

    @Override
    public void close() {
        models.close();
    }
}

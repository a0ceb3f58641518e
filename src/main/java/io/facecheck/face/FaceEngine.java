package io.facecheck.face;

import io.facecheck.models.ModelCard;
import io.facecheck.models.ModelException;
import io.facecheck.models.Models;
import io.facecheck.models.TfModel;
import io.facecheck.models.TfThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The engine's front door (in the spirit of InsightFace's {@code FaceAnalysis}): one object that loads a
 * detector, an embedder, the quality gate and optionally the liveness net, and turns an image into
 * {@link Face}s. Thread-safe: the TensorFlow sessions underneath are shared and stateless.
 */
public final class FaceEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FaceEngine.class);

    /**
     * @param modelsDir folder holding the SavedModels
     * @param detector  one of {@link FaceNetworks#DETECTORS}
     * @param embedder  one of {@link FaceNetworks#EMBEDDERS}, or a head written by {@code facecheck train}
     * @param minFace   smallest face side in pixels the detector looks for (MTCNN's pyramid floor)
     * @param threads   TensorFlow thread pools
     * @param quality   quality-gate thresholds
     * @param liveness  whether to score liveness with the anti-spoofing net
     */
    public record Options(Path modelsDir, String detector, String embedder, int minFace, TfThreads threads,
                          QualitySettings quality, boolean liveness) {
        public static Options defaults() {
            return new Options(Models.defaultDir(), FaceNetworks.defaultDetector().name(),
                    FaceNetworks.defaultEmbedder().name(), 40, TfThreads.DEFAULT,
                    QualitySettings.DEFAULTS, false);
        }

        public Options withDetector(String d) {
            return new Options(modelsDir, d, embedder, minFace, threads, quality, liveness);
        }

        public Options withEmbedder(String e) {
            return new Options(modelsDir, detector, e, minFace, threads, quality, liveness);
        }

        public Options withModelsDir(Path dir) {
            return new Options(dir, detector, embedder, minFace, threads, quality, liveness);
        }

        public Options withMinFace(int px) {
            return new Options(modelsDir, detector, embedder, px, threads, quality, liveness);
        }

        public Options withThreads(TfThreads t) {
            return new Options(modelsDir, detector, embedder, minFace, t, quality, liveness);
        }

        public Options withQuality(QualitySettings q) {
            return new Options(modelsDir, detector, embedder, minFace, threads, q, liveness);
        }

        public Options withLiveness(boolean on) {
            return new Options(modelsDir, detector, embedder, minFace, threads, quality, on);
        }
    }

    private final Options options;
    private final Models models;
    private final FaceDetector detector;
    private final FaceEmbedder embedder;
    private final Quality quality;
    private final LivenessScorer liveness;

    private FaceEngine(Options options, Models models, FaceDetector detector, FaceEmbedder embedder,
                       LivenessScorer liveness) {
        this.options = options;
        this.models = models;
        this.detector = detector;
        this.embedder = embedder;
        this.quality = new Quality(options.quality());
        this.liveness = liveness;
    }

    /** Loads the chosen networks; a missing or corrupt model throws a {@link io.facecheck.models.ModelException}. */
    public static FaceEngine open(Options o) {
        Models models = new Models(o.modelsDir(), o.threads());
        try {
            FaceDetector d = detector(o.detector(), models, o.minFace());
            FaceEmbedder e = embedder(o.embedder(), models);
            LivenessScorer l = o.liveness() ? new LivenessScorer(models) : null;
            LOG.debug("engine: detector={} embedder={} minFace={} threads={}", d.name(), e.name(), o.minFace(),
                    o.threads());
            return new FaceEngine(o, models, d, e, l);
        } catch (RuntimeException ex) {
            models.close();
            throw ex;
        }
    }

    private static FaceDetector detector(String name, Models models, int minFace) {
        return FaceNetworks.detector(name).orElseThrow(() -> new IllegalArgumentException("unknown detector '"
                        + name + "' (choose one of " + String.join(", ", FaceNetworks.detectorNames()) + ")"))
                .loader().load(models, minFace);
    }

    private static FaceEmbedder embedder(String name, Models models) {
        return FaceNetworks.embedder(name).map(e -> e.loader().apply(models))
                .orElseGet(() -> trainedHead(name, models));
    }

    /**
     * A head written by {@code facecheck train}: {@code name} is a folder in the models folder or a path to one
     * (a SavedModel whose card names its base embedder).
     */
    private static FaceEmbedder trainedHead(String name, Models models) {
        Path dir = models.dirOf(name);
        if (!Files.isRegularFile(dir.resolve(ModelCard.FILE_NAME))) {
            throw new IllegalArgumentException("unknown embedder '" + name + "' (choose one of "
                    + String.join(", ", FaceNetworks.embedderNames()) + ", or a folder written by 'facecheck train')");
        }
        TfModel head = models.get(name);
        String base = HeadEmbedder.baseOf(head.card());
        if (base == null || FaceNetworks.embedder(base).isEmpty()) {
            throw new ModelException("model " + dir.toAbsolutePath() + " is not a trained embedding head (its card names"
                    + " no base embedder among " + String.join(", ", FaceNetworks.embedderNames()) + ")");
        }
        return new HeadEmbedder(embedder(base, models), head);
    }

    public Options options() {
        return options;
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

    public Optional<LivenessScorer> liveness() {
        return Optional.ofNullable(liveness);
    }

    public Models models() {
        return models;
    }

    /** Every face in {@code image}, each assessed, aligned and embedded (one batch), largest first. */
    public List<Face> analyze(RgbImage image) {
        return analyze(image, true);
    }

    /**
     * Every face in {@code image}, largest first.
     *
     * @param embedPoorFaces also embed faces that fail the quality gate (evaluation wants every face;
     *                       the kiosk saves the time)
     */
    public List<Face> analyze(RgbImage image, boolean embedPoorFaces) {
        List<DetectedFace> found = new ArrayList<>(detector.detect(image));
        found.sort(Comparator.comparingDouble((DetectedFace f) -> f.box().area()).reversed());
        List<RgbImage> crops = new ArrayList<>(found.size());
        List<QualityReport> reports = new ArrayList<>(found.size());
        List<RgbImage> toEmbed = new ArrayList<>();
        for (DetectedFace f : found) {
            RgbImage crop = embedder.align(image, f);
            QualityReport q = quality.assess(image, f);
            crops.add(crop);
            reports.add(q);
            if (embedPoorFaces || q.ok()) {
                toEmbed.add(crop);
            }
        }
        float[][] vectors = toEmbed.isEmpty() ? new float[0][] : embedder.embed(toEmbed);
        List<Face> faces = new ArrayList<>(found.size());
        int next = 0;
        for (int i = 0; i < found.size(); i++) {
            boolean embedded = embedPoorFaces || reports.get(i).ok();
            float[] v = embedded ? vectors[next++] : null;
            OptionalDouble live = liveness != null && v != null
                    ? OptionalDouble.of(liveness.score(image, found.get(i))) : OptionalDouble.empty();
            faces.add(new Face(found.get(i), reports.get(i), crops.get(i), v, live));
        }
        return faces;
    }

    /**
     * Kiosk mode: every face in {@code image}, largest first, but only the largest is assessed, aligned, embedded
     * (when it passes the quality gate) and scored for liveness — one person at a time stands at a kiosk, and the
     * others are only drawn. The other faces carry a null quality and crop.
     */
    public List<Face> analyzeLargest(RgbImage image) {
        return analyzeLargest(image, false);
    }

    /** As {@link #analyzeLargest(RgbImage)}; {@code embedPoorFace} embeds the largest face even when it fails the gate. */
    public List<Face> analyzeLargest(RgbImage image, boolean embedPoorFace) {
        List<DetectedFace> found = new ArrayList<>(detector.detect(image));
        found.sort(Comparator.comparingDouble((DetectedFace f) -> f.box().area()).reversed());
        return analyzeFirst(image, found, embedPoorFace);
    }

    /**
     * Faces already found (by a {@link io.facecheck.face.track.FaceTracker}, say), in the given order: the first is
     * assessed, aligned, embedded (when it passes the quality gate, or always with {@code embedPoorFace}) and scored
     * for liveness, as {@link #analyzeLargest(RgbImage)} does for the largest; the others carry a null quality and
     * crop.
     */
    public List<Face> analyzeFirst(RgbImage image, List<DetectedFace> found, boolean embedPoorFace) {
        if (found.isEmpty()) {
            return List.of();
        }
        DetectedFace main = found.get(0);
        RgbImage crop = embedder.align(image, main);
        // MobileFaceNet's crop is the quality gate's own 112x112 alignment: assess it rather than warp twice
        QualityReport q = embedder instanceof MobileFaceNetEmbedder
                ? quality.assessAligned(crop, main.box(), main.landmarks5()) : quality.assess(image, main);
        float[] v = q.ok() || embedPoorFace ? embedder.embed(List.of(crop))[0] : null;
        OptionalDouble live = liveness != null && v != null
                ? OptionalDouble.of(liveness.score(image, main)) : OptionalDouble.empty();
        List<Face> faces = new ArrayList<>(found.size());
        faces.add(new Face(main, q, crop, v, live));
        for (int i = 1; i < found.size(); i++) {
            faces.add(new Face(found.get(i), null, null, null, OptionalDouble.empty()));
        }
        return faces;
    }

    /** The largest face of {@code image}, if any, embedded whatever its quality (only it is embedded). */
    public Optional<Face> largest(RgbImage image) {
        List<Face> faces = analyzeLargest(image, true);
        return faces.isEmpty() ? Optional.empty() : Optional.of(faces.get(0));
    }


    /** Runs each network once so the first real frame is not 300 ms slower (TensorFlow's lazy init). */
    public void warmUp() {
        detector.warmUp();
        embedder.embed(List.of(RgbImage.blank(embedder.inputSize(), embedder.inputSize())));
    }

    @Override
    public void close() {
        models.close();
    }
}

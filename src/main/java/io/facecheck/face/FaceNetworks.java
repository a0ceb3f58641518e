package io.facecheck.face;

import io.facecheck.face.faceapi.ResNetEmbedder;
import io.facecheck.face.faceapi.SsdFaceDetector;
import io.facecheck.models.ModelNames;
import io.facecheck.models.Models;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one list of detectors and embedders FaceCheck can load: the name the settings and options use, the networks
 * each needs in the models folder, and how to load it. Adding one is one line here; the engine, the settings screen,
 * {@code status} and the commands read this list.
 */
public final class FaceNetworks {
    /** Loads a detector that looks for faces of at least {@code minFace} pixels (where the detector can be told). */
    @FunctionalInterface
    public interface DetectorLoader {
        FaceDetector load(Models models, int minFace);
    }

    /** A detector: its name, the networks it needs, its loader. */
    public record Detector(String name, List<String> models, DetectorLoader loader) {
    }

    /** An embedder: its name, its network, its loader. */
    public record Embedder(String name, String model, Function<Models, FaceEmbedder> loader) {
    }

    /** The detectors; the first is the default. */
    public static final List<Detector> DETECTORS = List.of(
            new Detector("mtcnn", List.of(ModelNames.PNET, ModelNames.RNET, ModelNames.ONET),
                    (models, minFace) -> new MtcnnDetector(models,
                            new MtcnnDetector(models).settings().withMinFaceSize(minFace))),
            // SSD finds the box; the 68-point network gives it the landmarks the aligner needs
            new Detector("ssd", List.of(ModelNames.SSD, ModelNames.LANDMARK68),
                    (models, minFace) -> new SsdFaceDetector(models)));

    /** The embedders; the first is the default. */
    public static final List<Embedder> EMBEDDERS = List.of(
            new Embedder("mobilefacenet", ModelNames.MOBILEFACENET, MobileFaceNetEmbedder::new),
            new Embedder("resnet", ModelNames.RESNET128, ResNetEmbedder::new));

    private FaceNetworks() {
    }

    public static List<String> detectorNames() {
        return DETECTORS.stream().map(Detector::name).toList();
    }

    public static List<String> embedderNames() {
        return EMBEDDERS.stream().map(Embedder::name).toList();
    }

    /** The detector called {@code name} (any case). */
    public static Optional<Detector> detector(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return DETECTORS.stream().filter(d -> d.name().equals(n)).findFirst();
    }

    /** The embedder called {@code name} (any case); a head written by {@code facecheck train} is none of these. */
    public static Optional<Embedder> embedder(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return EMBEDDERS.stream().filter(e -> e.name().equals(n)).findFirst();
    }

    public static Detector defaultDetector() {
        return DETECTORS.get(0);
    }

    public static Embedder defaultEmbedder() {
        return EMBEDDERS.get(0);
    }
}

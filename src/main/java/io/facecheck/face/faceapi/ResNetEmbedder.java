package io.facecheck.face.faceapi;

import io.facecheck.face.Alignment;
import io.facecheck.face.BoundingBox;
import io.facecheck.face.DetectedFace;
import io.facecheck.face.EmbedderCard;
import io.facecheck.face.FaceEmbedder;
import io.facecheck.face.Point;
import io.facecheck.face.RgbImage;
import io.facecheck.models.ModelNames;
import io.facecheck.models.Models;
import io.facecheck.models.Tensors;
import io.facecheck.models.TfModel;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

import java.util.ArrayList;
import java.util.List;

/**
 * The 128-D face recognition ResNet of face-api (dlib's model) with face-api's chip convention: an axis-aligned
 * square from the eye and mouth centres ({@code FaceLandmarks.alignDlib}), zero-padded centred and resized to
 * 150×150. Embeddings are L2-normalised; distance is squared L2, threshold from the model card. Thread-safe.
 */
public final class ResNetEmbedder implements FaceEmbedder {
    /** {@code alignDlib} constants: size = eye-to-mouth distance / 0.45, reference point at 0.5 / 0.43 of it. */
    private static final double REL_SCALE = 0.45;
    private static final double REL_X = 0.5;
    private static final double REL_Y = 0.43;
    private static final int MAX_BATCH = 32;

    /** How the 150×150 chip is cut. */
    public enum Chip {
        /** face-api's: axis-aligned square from eye and mouth centres, no rotation (bit-exact with face-api). */
        FACE_API_BOX,
        /**
         * dlib's {@code get_face_chip_details(shape, 150, 0.25)}: least-squares similarity from landmarks 27–54 and
         * 60–64 (68-point faces) or from the 5 points (others) to dlib's mean face, bilinear warp. This is how
         * the network's training chips were cut.
         */
        DLIB
    }

    /** dlib's mean face shape (interpolation.h, points 17–67), unit square. */
    private static final double[] MEAN_X = {
        0.000213256, 0.0752622, 0.18113, 0.29077, 0.393397, 0.586856, 0.689483, 0.799124,
        0.904991, 0.98004, 0.490127, 0.490127, 0.490127, 0.490127, 0.36688, 0.426036,
        0.490127, 0.554217, 0.613373, 0.121737, 0.187122, 0.265825, 0.334606, 0.260918,
        0.182743, 0.645647, 0.714428, 0.793132, 0.858516, 0.79751, 0.719335, 0.254149,
        0.340985, 0.428858, 0.490127, 0.551395, 0.639268, 0.726104, 0.642159, 0.556721,
        0.490127, 0.423532, 0.338094, 0.290379, 0.428096, 0.490127, 0.552157, 0.689874,
        0.553364, 0.490127, 0.42689};
    private static final double[] MEAN_Y = {
        0.106454, 0.038915, 0.0187482, 0.0344891, 0.0773906, 0.0773906, 0.0344891,
        0.0187482, 0.038915, 0.106454, 0.203352, 0.307009, 0.409805, 0.515625, 0.587326,
        0.609345, 0.628106, 0.609345, 0.587326, 0.216423, 0.178758, 0.179852, 0.231733,
        0.245099, 0.244077, 0.231733, 0.179852, 0.178758, 0.216423, 0.244077, 0.245099,
        0.780233, 0.745405, 0.727388, 0.742578, 0.727388, 0.745405, 0.780233, 0.864805,
        0.902192, 0.909281, 0.902192, 0.864805, 0.784792, 0.778746, 0.785343, 0.778746,
        0.784792, 0.824182, 0.831803, 0.824182};
    private static final double DLIB_PADDING = 0.25;

    /** Indices of the 68 points dlib fits (no eyebrows, no lower lip). */
    static final int[] DLIB_POINTS = dlibPoints();

    private static int[] dlibPoints() {
        List<Integer> l = new ArrayList<>();
        for (int i = 27; i < 68; i++) {
            if (!((55 <= i && i <= 59) || (65 <= i && i <= 67))) {
                l.add(i);
            }
        }
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Template position of iBUG point {@code i} (17..67) in a chip of {@code size} pixels. */
    static Point dlibTemplate(int i, int size) {
        return new Point((DLIB_PADDING + MEAN_X[i - 17]) / (2 * DLIB_PADDING + 1) * size,
                (DLIB_PADDING + MEAN_Y[i - 17]) / (2 * DLIB_PADDING + 1) * size);
    }

    /** dlib's template for the 5 points of DetectedFace (eye centres, nose tip, mouth corners). */
    static List<Point> dlibTemplate5(int size) {
        List<Point> t = new ArrayList<>();
        for (int[] r : new int[][] {{36, 42}, {42, 48}, {30, 31}, {48, 49}, {54, 55}}) {
            double x = 0;
            double y = 0;
            for (int i = r[0]; i < r[1]; i++) {
                x += dlibTemplate(i, size).x();
                y += dlibTemplate(i, size).y();
            }
            t.add(new Point(x / (r[1] - r[0]), y / (r[1] - r[0])));
        }
        return List.copyOf(t);
    }

    private final Chip chip;

    private final TfModel model;
    private final int inputSize;
    private final int dimension;
    private final double threshold;
    private final String modelId;

    public ResNetEmbedder(Models models) {
        this(models, Chip.DLIB);
    }

    public ResNetEmbedder(Models models, Chip chip) {
        this.chip = chip;
        this.model = models.get(ModelNames.RESNET128);
        this.inputSize = (int) model.card().doubleParameter("inputSize", 150);
        EmbedderCard card = EmbedderCard.of(model);
        this.dimension = card.dimension();
        this.threshold = card.threshold();
        this.modelId = card.modelId();
    }

    @Override
    public String name() {
        return "resnet";
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    @Override
    public double threshold() {
        return threshold;
    }

    /** face-api's descriptor crop box (before clipping) for {@code face} in {@code image}. */
    public static BoundingBox chipBox(RgbImage image, DetectedFace face) {
        Point leftEye;
        Point rightEye;
        Point mouth;
        if (face.landmarks68().size() == 68) {
            List<Point> p = face.landmarks68();
            leftEye = SsdFaceDetector.mean(p, 36, 42);
            rightEye = SsdFaceDetector.mean(p, 42, 48);
            mouth = SsdFaceDetector.mean(p, 48, 68);
        } else {
            List<Point> p = face.landmarks5();
            leftEye = p.get(0);
            rightEye = p.get(1);
            mouth = new Point((p.get(3).x() + p.get(4).x()) / 2, (p.get(3).y() + p.get(4).y()) / 2);
        }
        double d = (mouth.distance(leftEye) + mouth.distance(rightEye)) / 2;
        int size = (int) Math.floor(d / REL_SCALE);
        double refX = (leftEye.x() + rightEye.x() + mouth.x()) / 3;
        double refY = (leftEye.y() + rightEye.y() + mouth.y()) / 3;
        int x = (int) Math.floor(Math.max(0, refX - REL_X * size));
        int y = (int) Math.floor(Math.max(0, refY - REL_Y * size));
        // face-api bounds the size by the landmark crop (the clipped detection box) shifted by x, y
        BoundingBox b = face.box();
        FaceApiImaging.IntBox lc = FaceApiImaging.clipAtImageBorders(b.x(), b.y(), b.width(), b.height(),
                image.width(), image.height());
        return new BoundingBox(x, y, Math.min(size, lc.width() + x), Math.min(size, lc.height() + y));
    }

    public Chip chip() {
        return chip;
    }

    @Override
    public RgbImage align(RgbImage image, DetectedFace face) {
        return chip == Chip.DLIB ? alignDlib(image, face) : alignFaceApi(image, face);
    }

    /** dlib's chip: similarity warp to the mean face with padding 0.25. */
    public RgbImage alignDlib(RgbImage image, DetectedFace face) {
        List<Point> src = new ArrayList<>();
        List<Point> dst = new ArrayList<>();
        if (face.landmarks68().size() == 68) {
            for (int i : DLIB_POINTS) {
                src.add(face.landmarks68().get(i));
                dst.add(dlibTemplate(i, inputSize));
            }
        } else {
            src.addAll(face.landmarks5());
            dst.addAll(dlibTemplate5(inputSize));
        }
        return Alignment.align(image, src, dst, inputSize, inputSize);
    }

    /** face-api's chip: the {@link #chipBox} crop, zero-padded centred to a square, resized to 150. */
    public RgbImage alignFaceApi(RgbImage image, DetectedFace face) {
        BoundingBox c = chipBox(image, face);
        FaceApiImaging.IntBox ib = FaceApiImaging.clipAtImageBorders(c.x(), c.y(), c.width(), c.height(),
                image.width(), image.height());
        return FaceApiImaging.toNetInput(FaceApiImaging.slice(image, ib), inputSize, true);
    }

    @Override
    public float[][] embed(List<RgbImage> alignedCrops) {
        float[][] out = new float[alignedCrops.size()][];
        for (int from = 0; from < alignedCrops.size(); from += MAX_BATCH) {
            int n = Math.min(MAX_BATCH, alignedCrops.size() - from);
            int px = inputSize * inputSize * 3;
            float[] batch = new float[n * px];
            for (int i = 0; i < n; i++) {
                RgbImage img = alignedCrops.get(from + i);
                if (img.width() != inputSize || img.height() != inputSize) {
                    img = FaceApiImaging.toNetInput(img, inputSize, true);
                }
                System.arraycopy(img.data(), 0, batch, i * px, px);
            }
            float[] raw = rawDescriptors(batch, n);
            for (int i = 0; i < n; i++) {
                float[] v = new float[dimension];
                System.arraycopy(raw, i * dimension, v, 0, dimension);
                out[from + i] = l2Normalise(v);
            }
        }
        return out;
    }

    /** face-api's raw descriptors (not normalised) of {@code n} 150×150 crops laid out NHWC in {@code batch}. */
    public float[] rawDescriptors(float[] batch, int n) {
        try (TFloat32 in = Tensors.floats(batch, n, inputSize, inputSize, 3); Result r = model.run(in)) {
            return Tensors.read(Tensors.output(r, "embedding", model));
        }
    }

    static float[] l2Normalise(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * (double) x;
        }
        double inv = s > 0 ? 1 / Math.sqrt(s) : 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] * inv);
        }
        return v;
    }
}

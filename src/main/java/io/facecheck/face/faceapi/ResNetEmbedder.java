package io.facecheck.face.faceapi;

import io.facecheck.face.BoundingBox;
import io.facecheck.face.DetectedFace;
import io.facecheck.face.FaceEmbedder;
import io.facecheck.face.Point;
import io.facecheck.face.RgbImage;
import io.facecheck.models.ModelCard;
import io.facecheck.models.ModelException;
import io.facecheck.models.ModelNames;
import io.facecheck.models.Models;
import io.facecheck.models.Tensors;
import io.facecheck.models.TfModel;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

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

    private final TfModel model;
    private final int inputSize;
    private final int dimension;
    private final double threshold;
    private final String modelId;

    public ResNetEmbedder(Models models) {
        this.model = models.get(ModelNames.RESNET128);
        ModelCard card = model.card();
        this.inputSize = (int) card.doubleParameter("inputSize", 150);
        this.dimension = card.embeddingDimension() != null ? card.embeddingDimension() : 128;
        if (card.threshold() == null) {
            throw new ModelException("model card of " + model.dir() + " has no threshold — " + Models.REGENERATE_HINT);
        }
        this.threshold = card.threshold();
        this.modelId = card.name() + "@" + card.version();
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

    @Override
    public RgbImage align(RgbImage image, DetectedFace face) {
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

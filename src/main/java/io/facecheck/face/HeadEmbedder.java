package io.facecheck.face;

import io.facecheck.models.ModelCard;
import io.facecheck.models.ModelException;
import io.facecheck.models.Tensors;
import io.facecheck.models.TfModel;
import io.facecheck.match.Vectors;

import java.util.List;

/**
 * A trained embedding head ({@code facecheck train}) on top of a frozen base embedder: the base network's unit
 * embedding goes through the head's SavedModel (a linear map or a small MLP) and is L2-normalised again. Its card
 * names the base ({@code parameters.baseEmbedder}), the output size and the threshold calibrated on the training
 * identities. Thread-safe as its parts are.
 */
public final class HeadEmbedder implements FaceEmbedder {
    /** Card parameter naming the base embedder ({@code mobilefacenet} or {@code resnet}). */
    public static final String BASE_PARAMETER = "baseEmbedder";

    private final FaceEmbedder base;
    private final TfModel head;
    private final EmbedderCard card;
    private final int inputDimension;

    public HeadEmbedder(FaceEmbedder base, TfModel head) {
        this.base = base;
        this.head = head;
        this.card = EmbedderCard.of(head);
        ModelCard c = head.card();
        List<Long> shape = c.input() == null ? null : c.input().shape();
        this.inputDimension = shape == null || shape.size() != 2 ? -1 : shape.get(1).intValue();
        if (inputDimension != base.dimension()) {
            throw new ModelException("trained head " + head.dir().toAbsolutePath() + " takes " + inputDimension
                    + "-D features but its base embedder " + base.name() + " gives " + base.dimension() + "-D");
        }
    }

    /** The base embedder named on a head's card, or null when the card is not a trained head's. */
    public static String baseOf(ModelCard card) {
        Object b = card.parameters() == null ? null : card.parameters().get(BASE_PARAMETER);
        return b instanceof String s ? s : null;
    }

    public FaceEmbedder base() {
        return base;
    }

    /** The card's name, e.g. {@code mobilefacenet+head}. */
    @Override
    public String name() {
        return head.card().name();
    }

    @Override
    public String modelId() {
        return card.modelId();
    }

    @Override
    public int dimension() {
        return card.dimension();
    }

    @Override
    public int inputSize() {
        return base.inputSize();
    }

    @Override
    public double threshold() {
        return card.threshold();
    }

    @Override
    public RgbImage align(RgbImage image, DetectedFace face) {
        return base.align(image, face);
    }

    @Override
    public float[][] embed(List<RgbImage> alignedCrops) {
        return project(base.embed(alignedCrops));
    }

    /** The head applied to base embeddings (unit vectors in, unit vectors out). */
    public float[][] project(float[][] baseEmbeddings) {
        int n = baseEmbeddings.length;
        if (n == 0) {
            return new float[0][];
        }
        float[] batch = new float[n * inputDimension];
        for (int i = 0; i < n; i++) {
            System.arraycopy(baseEmbeddings[i], 0, batch, i * inputDimension, inputDimension);
        }
        float[] out = Tensors.runOne(head, "embedding", batch, n, inputDimension);
        int d = dimension();
        float[][] vs = new float[n][];
        for (int i = 0; i < n; i++) {
            float[] v = new float[d];
            System.arraycopy(out, i * d, v, 0, d);
            vs[i] = Vectors.normalized(v);
        }
        return vs;
    }
}
